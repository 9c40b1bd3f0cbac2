// The native API through the session the panels share (/ui/shared/session.js): no other way in.
import { call, signIn, signOut, signedIn } from '/ui/shared/session.js';

export { call, signIn, signOut, signedIn };

/** The UI's page size: every list is fetched a page at a time, never whole. */
export const PAGE_SIZE = 20;

/** A list command's page: {items, count}. */
export async function list(command, entity, params = {}) {
  // parameters left unset (undefined, empty, false) are not sent at all
  const set = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '' && v !== false);
  const r = await call({ command, page: 1, pagesize: PAGE_SIZE, ...Object.fromEntries(set) });
  return { items: r[entity] || [], count: r.count || 0 };
}

/** Who is signed in (kept for the tab with the session). */
export function me() {
  return JSON.parse(sessionStorage.getItem('skyport.me') || 'null');
}

export function setMe(login) {
  if (login) {
    sessionStorage.setItem('skyport.me', JSON.stringify({ username: login.username, account: login.account,
      type: login.type, userid: login.userid }));
  } else {
    sessionStorage.removeItem('skyport.me');
  }
}

export function isAdmin() {
  return me()?.type === 'ADMIN';
}

/** Waits for an async job, reporting each status to onProgress; answers its result or throws. */
export async function awaitJob(jobid, onProgress) {
  for (let i = 0; ; i++) {
    const r = await call({ command: 'queryAsyncJobResult', jobid });
    onProgress?.(r);
    if (r.jobstatus === 1) return r.jobresult;
    if (r.jobstatus === 2) throw new Error(r.jobresult?.errortext || 'job failed');
    await new Promise((ok) => setTimeout(ok, Math.min(250 * (i + 1), 1500)));
  }
}
