'use server';

import { revalidatePath } from 'next/cache';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { DalError } from '@/lib/dal/errors';
import { readAllNotifications, readNotification } from '@/lib/dal/notifications';
import { id } from '@/lib/validation';

/** Opening a notification marks it read, then shows its case (another user's id: not found). */
export async function openNotificationAction(formData: FormData): Promise<void> {
  const parsed = z.object({ id }).safeParse({ id: formData.get('id') });
  if (!parsed.success) notFound();
  let caseId: number;
  try {
    ({ caseId } = await readNotification(parsed.data.id));
  } catch (err) {
    if (err instanceof DalError && err.code === 'not_found') notFound();
    throw err;
  }
  revalidatePath('/', 'layout');
  redirect(`/cases/${caseId}`);
}

export async function readAllNotificationsAction(): Promise<void> {
  await readAllNotifications();
  revalidatePath('/', 'layout');
  redirect('/notifications');
}
