/** The part of unzipper (a dependency of exceljs) the import uses: the zip's central directory. */
declare module 'unzipper' {
  export const Open: {
    buffer(data: Buffer): Promise<{ files: { path: string; type: 'File' | 'Directory'; uncompressedSize: number; compressedSize: number }[] }>;
  };
}
