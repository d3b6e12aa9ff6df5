// Why a Word file cannot be read. The message is the one Chinese line the CLI prints; the reason
// lets the document view word it in the reader's language.
export type UnreadableReason = 'encrypted' | 'damaged' | 'not-word' | 'old-word';

export class UnreadableDocument extends Error {
  override name = 'UnreadableDocument';
  constructor(
    message: string,
    readonly reason: UnreadableReason,
  ) {
    super(message);
  }
}
