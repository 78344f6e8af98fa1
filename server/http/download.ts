/** A stored file (an attachment, an issued document) as the browser gets it: always a download. */
export function downloadResponse(file: { data: Uint8Array; contentType: string; size: number; fileName: string }): Response {
  return new Response(new Uint8Array(file.data), {
    headers: {
      'content-type': file.contentType,
      'content-length': String(file.size),
      // Always a download, never shown inline in the app's origin.
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    },
  });
}
