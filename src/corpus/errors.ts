/** A corpus problem a person can fix: names the file and, for metadata, the field. */
export class CorpusError extends Error {
  constructor(message: string, readonly file: string) {
    super(message);
    this.name = 'CorpusError';
  }
}
