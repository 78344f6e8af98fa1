/**
 * Files citizens (and clerks) give with a procedure. Only PDF, JPEG and PNG, recognised from their
 * first bytes, never from the name or the declared type; at most ATTACHMENT_MAX_BYTES. Stored once
 * per content under DATA_DIR/attachments/<sha256> (a name nobody chooses, outside the web root),
 * and served only to the procedure's citizen and to staff who may see the procedure.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Actor } from '../auth/actor';
import type { Prisma } from '../db/generated/client';
import type { CitizenSessionInfo } from '../citizens/session';
import { AppError, notFound } from '../errors';
import { readBodyBytes } from '../http/body';
import { rt } from '../runtime';
import { assertStaffSees } from './access';

export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
/** Unlinked uploads a citizen may hold at once (a form in progress). */
const PENDING_PER_CITIZEN = 20;

const SIGNATURES: { type: string; bytes: number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

export function sniffType(data: Uint8Array): string | null {
  return SIGNATURES.find((s) => s.bytes.every((b, i) => data[i] === b))?.type ?? null;
}

/** The name shown and offered on download: its last path part, printable, at most 120 characters. */
export function cleanFileName(raw: string): string {
  const base = raw
    .split(/[\\/]/)
    .pop()!
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim();
  return (base || 'file').slice(-120);
}

const storePath = (sha256: string) => path.join(rt().config.dataDir, 'attachments', sha256);

/**
 * Stores bytes once per content (the store attachments and issued documents share) and answers
 * their SHA-256, the name they are stored under. Written once (wx), never overwritten.
 */
export async function storeFile(data: Uint8Array): Promise<string> {
  const sha256 = createHash('sha256').update(data).digest('hex');
  const file = storePath(sha256);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, data, { flag: 'wx' }).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') throw err;
  });
  return sha256;
}

/** The stored bytes with this SHA-256. */
export const readStoredFile = (sha256: string) => fs.readFile(storePath(sha256));

export type Uploader = { citizen: CitizenSessionInfo } | { staff: Actor };

/** Reads one `file` part of a multipart body, checks and stores it; the attachment is not linked yet. */
export async function uploadAttachment(req: Request, who: Uploader) {
  const type = req.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data'))
    throw new AppError(415, 'unsupported_media_type', 'Send the file as multipart/form-data');
  // Bounded read first (the multipart envelope adds a little), then the parser.
  const bytes = await readBodyBytes(req, ATTACHMENT_MAX_BYTES + 64 * 1024);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(bytes), { headers: { 'content-type': type } }).formData();
  } catch {
    throw new AppError(400, 'invalid_input', 'The multipart body could not be read');
  }
  const file = form.get('file');
  if (!(file instanceof File)) throw new AppError(400, 'invalid_input', 'A `file` part is needed');
  const data = new Uint8Array(await file.arrayBuffer());
  if (data.length === 0) throw new AppError(400, 'invalid_input', 'The file is empty');
  if (data.length > ATTACHMENT_MAX_BYTES)
    throw new AppError(413, 'payload_too_large', `Files may be at most ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`);
  const contentType = sniffType(data);
  if (!contentType) throw new AppError(415, 'unsupported_file_type', 'Only PDF, JPEG and PNG files are accepted');

  const { db } = rt();
  if ('citizen' in who) {
    const pending = await db.attachment.count({ where: { citizenId: who.citizen.citizen.id, procedureId: null } });
    if (pending >= PENDING_PER_CITIZEN) throw new AppError(429, 'too_many_files', 'Too many files not yet sent with a request');
  }
  const sha256 = await storeFile(data);
  const row = await db.attachment.create({
    data: {
      citizenId: 'citizen' in who ? who.citizen.citizen.id : null,
      staffId: 'staff' in who ? who.staff.staffId : null,
      fileName: cleanFileName(file.name),
      contentType,
      size: data.length,
      sha256,
    },
  });
  return { attachmentId: row.id, fileName: row.fileName, contentType, size: row.size };
}

/** The file of an attachment of a procedure, for its citizen or staff who may see the procedure. */
/**
 * Where a procedure's file may be read by this caller: staff who may see the procedure, or its
 * own citizen (anyone else finds nothing: 404).
 */
export async function readableFilesOf(procedureId: string, who: Uploader) {
  if ('staff' in who) await assertStaffSees(who.staff, procedureId);
  return { procedureId, ...('citizen' in who ? { procedure: { citizenId: who.citizen.citizen.id } } : {}) };
}

export async function attachmentFile(procedureId: string, attachmentId: string, who: Uploader) {
  const a = await rt().db.attachment.findFirst({ where: { id: attachmentId, ...(await readableFilesOf(procedureId, who)) } });
  if (!a) throw notFound('Attachment');
  return { ...a, data: await readStoredFile(a.sha256) };
}

/**
 * Links uploads to a procedure inside the caller's transaction: each must be the uploader's own
 * and not linked yet, or nothing is linked (400).
 */
export async function linkAttachments(
  tx: Pick<Prisma.TransactionClient, 'attachment'>,
  procedureId: string,
  ids: string[],
  owner: { citizenId: string } | { staffId: string },
): Promise<void> {
  if (ids.length === 0) return;
  const unique = [...new Set(ids)];
  const linked = await tx.attachment.updateMany({
    where: { id: { in: unique }, procedureId: null, ...owner },
    data: { procedureId },
  });
  if (linked.count !== unique.length)
    throw new AppError(400, 'unknown_attachment', 'A file named is not yours, or was already sent with a request');
}
