/** Writes to a stream and waits when it asks to (large corpora must not pile up in memory). */
export class Output {
  constructor(private readonly stream: NodeJS.WritableStream) {}

  async write(text: string): Promise<void> {
    if (!this.stream.write(text)) {
      await new Promise<void>((resolve) => this.stream.once('drain', () => resolve()));
    }
  }
}

