// The file's bytes, fetched by the extension page itself: across origins where the extension has
// the host permission (gov.cn always; other hosts once the user grants them), a local file where
// the user has allowed file access and granted local files. Nothing is sent anywhere but to the
// file's own server.
import browser from 'webextension-polyfill';
import { hostPattern } from '../../lib/sweep/links';
import { missingHosts } from '../ext/permissions';
import { HttpError } from './model';

/** Local files are readable only when the user allowed this extension file access. */
export class FileAccessError extends Error {}

/** The match pattern of local files (an optional host permission in the manifest). */
export const LOCAL_FILES = 'file:///*';

/**
 * The host permission a file's address still needs (its match pattern), or null. A local file
 * needs the user's "Allow access to file URLs" first, which no page can ask for: FileAccessError.
 */
export async function missingHost(src: string): Promise<string | null> {
  const local = src.startsWith('file:');
  if (local && !(await browser.extension.isAllowedFileSchemeAccess())) throw new FileAccessError(src);
  const pattern = local ? LOCAL_FILES : hostPattern(src);
  if (!pattern) return null;
  const [missing] = await missingHosts([pattern]);
  return missing ?? null;
}

/** A local file through XMLHttpRequest (fetch() does not read file: addresses). */
function readLocal(src: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', src);
    xhr.responseType = 'arraybuffer';
    xhr.onload = () => resolve(new Uint8Array(xhr.response as ArrayBuffer));
    xhr.onerror = () => reject(new Error(src));
    xhr.send();
  });
}

export async function fetchBytes(src: string, signal?: AbortSignal): Promise<Uint8Array> {
  if (src.startsWith('file:')) return readLocal(src);
  const res = await fetch(src, { signal, redirect: 'follow' });
  if (!res.ok) throw new HttpError(res.status);
  return new Uint8Array(await res.arrayBuffer());
}
