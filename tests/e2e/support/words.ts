import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A catalogue of the interface (crates/core/i18n/<tag>.json), to find elements by the very
 * words a reader of that language sees. Only plain messages, with `{name}` filled in. */
export class Words {
  private readonly messages: Record<string, unknown>;

  constructor(readonly tag: string) {
    const path = join(__dirname, '..', '..', '..', 'crates', 'core', 'i18n', `${tag}.json`);
    this.messages = JSON.parse(readFileSync(path, 'utf8'));
  }

  t(key: string, args: Record<string, string> = {}): string {
    const message = this.messages[key];
    if (typeof message !== 'string') throw new Error(`${this.tag}.json has no plain message “${key}”`);
    return message.replace(/\{(\w+)\}/g, (whole, name) => args[name] ?? whole);
  }
}
