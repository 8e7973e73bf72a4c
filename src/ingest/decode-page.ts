/**
 * Bytes of a web page as text. The HTTP header's charset wins; without one, a page declares its
 * own in `<meta charset>` (or the http-equiv form) near the top, as browsers read it; otherwise
 * UTF-8. A label TextDecoder does not know falls back to UTF-8.
 */
export function decodePage(bytes: Uint8Array, headerCharset?: string): string {
  const declared = headerCharset ?? metaCharset(bytes);
  if (declared && WINDOWS_1252_LABELS.has(declared.toLowerCase())) return decodeWindows1252(bytes);
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/**
 * Browsers read latin1 and windows-1252 pages alike as windows-1252 (curly quotes and dashes at
 * 0x80–0x9F); Node 20's TextDecoder reads those bytes as control characters, so they are mapped here.
 */
const WINDOWS_1252_LABELS = new Set(['windows-1252', 'cp1252', 'x-cp1252', 'latin1', 'iso-8859-1', 'iso8859-1', 'l1', 'us-ascii', 'ascii']);
const C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte >= 0x80 && byte <= 0x9f ? C1[byte - 0x80]! : String.fromCharCode(byte);
  return out;
}

/** The charset a page's head declares, read from its first 1,024 bytes as browsers do. */
function metaCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
}

/** The charset parameter of a Content-Type header, if any. */
export function headerCharset(contentType: string): string | undefined {
  return /charset\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1];
}
