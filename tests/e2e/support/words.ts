import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A message put into another one: the catalogue's own words, which it never isolates. */
export class Nested {
  constructor(readonly text: string) {}
}

/** A catalogue of the interface (crates/core/i18n/<tag>.json), to find elements by the very
 * words a reader of that language sees. Only plain messages, with `{name}` filled in; in a
 * language written right to left, text put into a message is isolated (U+2068 … U+2069), as
 * the editor's renderer does (`Catalogue::write_param`). */
export class Words {
  private readonly messages: Record<string, unknown>;
  private readonly rightToLeft: boolean;

  constructor(readonly tag: string) {
    const path = join(__dirname, '..', '..', '..', 'crates', 'core', 'i18n', `${tag}.json`);
    this.messages = JSON.parse(readFileSync(path, 'utf8'));
    this.rightToLeft = tag === 'ar';
  }

  t(key: string, args: Record<string, string | Nested> = {}): string {
    const message = this.messages[key];
    if (typeof message !== 'string') throw new Error(`${this.tag}.json has no plain message “${key}”`);
    return message.replace(/\{(\w+)\}/g, (whole, name) => {
      const arg = args[name];
      if (arg === undefined) return whole;
      if (arg instanceof Nested) return arg.text;
      return this.rightToLeft ? `\u2068${arg}\u2069` : arg;
    });
  }

  /** `t`, to be put into another message. */
  nested(key: string, args: Record<string, string | Nested> = {}): Nested {
    return new Nested(this.t(key, args));
  }
}
