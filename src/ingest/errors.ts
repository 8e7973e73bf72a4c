/**
 * Why an article could not be added, in words a person can act on. The message is the reason
 * only; whoever reports it names the file or URL in front (one line per failure).
 */
export class IngestError extends Error {
  constructor(
    readonly input: string,
    readonly reason: string,
  ) {
    super(`${input}: ${reason}`);
    this.name = 'IngestError';
  }
}
