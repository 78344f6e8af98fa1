import fs from 'node:fs';
import path from 'node:path';

/**
 * The ids of the jobs this agent printed, so a job delivered again (the server did not get the
 * acknowledgement: network cut, server restart) is acknowledged without printing a second copy.
 * Kept in a file when one is given, so an agent restart does not forget them either; the last
 * `max` ids are plenty (a job is only redelivered within minutes).
 */
export class PrintedJobs {
  private readonly ids: string[] = [];
  private readonly set = new Set<string>();

  constructor(
    private readonly file: string | null,
    private readonly max = 2000,
  ) {
    if (file && fs.existsSync(file)) {
      try {
        const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
        if (Array.isArray(saved)) for (const id of saved) if (typeof id === 'string') this.remember(id);
      } catch {
        // A damaged file only loses the memory of old jobs; it must not stop the printing.
      }
    }
  }

  has(id: string): boolean {
    return this.set.has(id);
  }

  /** Recorded before the bytes go to the printer: a crash while printing never leads to a second copy. */
  add(id: string): void {
    this.remember(id);
    this.save();
  }

  /** The printer refused the job (nothing printed): a retry may print it. */
  forget(id: string): void {
    if (!this.set.delete(id)) return;
    this.ids.splice(this.ids.indexOf(id), 1);
    this.save();
  }

  private remember(id: string): void {
    if (this.set.has(id)) return;
    this.set.add(id);
    this.ids.push(id);
    while (this.ids.length > this.max) this.set.delete(this.ids.shift() as string);
  }

  private save(): void {
    if (!this.file) return;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.ids));
    fs.renameSync(tmp, this.file);
  }
}
