'use client';

/**
 * What a page shows when something unexpected failed on the server (the details stay in the
 * server log; nothing half-written: every write runs in one transaction). Vietnamese first, as
 * the portal speaks; a client component cannot read the language setting, so English follows.
 */
export default function PortalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-xl space-y-4 rounded-xl border border-red-200 bg-white p-6 shadow-sm" role="alert" data-testid="page-error">
      <h1 className="text-xl font-bold text-red-900">Đã có lỗi ngoài dự kiến</h1>
      <p className="text-sm text-stone-700">Thao tác chưa hoàn tất nên không có gì bị lưu dở. Hãy thử lại; nếu vẫn lỗi, báo cho quản trị viên thời điểm xảy ra.</p>
      <p className="text-xs text-stone-500" lang="en">
        Something unexpected went wrong; nothing was half-saved. Please try again.
      </p>
      <div className="flex flex-wrap gap-3">
        <button type="button" onClick={reset} className="rounded-md bg-red-800 px-4 py-2 text-sm font-semibold text-white">
          Thử lại
        </button>
        {/* A full page load on purpose: the tree that failed is not reused. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/" className="rounded-md border border-stone-300 px-4 py-2 text-sm">
          Về trang chủ
        </a>
      </div>
    </div>
  );
}
