// A log entry as a string for extension messages: Chrome's runtime messaging is JSON, which loses
// the digest's Maps and typed arrays (IndexedDB and Firefox's messaging keep them). Encoded and
// decoded here, one way for every sender (the engine, the sweep page) and the background.
const MAP = '$map';
const U32 = '$u32';

export function encodeWire(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v instanceof Map ? { [MAP]: [...v] } : v instanceof Uint32Array ? { [U32]: [...v] } : v,
  );
}

export function decodeWire<T>(text: string): T {
  return JSON.parse(text, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      if (Array.isArray(o[MAP])) return new Map(o[MAP] as [unknown, unknown][]);
      if (Array.isArray(o[U32])) return Uint32Array.from(o[U32] as number[]);
    }
    return v;
  }) as T;
}
