import { mkdirSync } from 'node:fs';
import { test as setup } from '@playwright/test';
import { AS, authDir, logIn, stateFile } from './helpers';

mkdirSync(authDir, { recursive: true });

for (const username of Object.values(AS)) {
  setup(`log in as ${username}`, async ({ page }) => {
    await logIn(page, username);
    await page.context().storageState({ path: stateFile(username) });
  });
}
