/**
 * The patch writer of a back-port: writes values at JSON pointers into the
 * one object of a manifest file that declares them, by splicing the text of
 * the edited nodes only. Everything else of the file (comments, key order,
 * flow or block style, quoting, other documents) stays byte for byte. Pure:
 * text in, text out.
 *
 * Pointers index lists by position in the desired list, as the engine
 * reports them; `-` names a live entry the desired list lacks: it replaces
 * the entry of the same `name` if the file has one, else it is appended.
 */
import {
  Document,
  isMap,
  isScalar,
  isSeq,
  Node,
  Pair,
  parseAllDocuments,
  Scalar,
  stringify,
  YAMLMap,
  YAMLSeq,
} from 'yaml';
import { parsePointer } from '../engine/jsonPointer';
import { isPlainObject } from '../engine/values';
import { FieldRefusal, refusal } from './refusals';

/** The object of a (multi-document) file to edit. */
export type ManifestObjectRef = {
  kind: string;
  namespace?: string;
  name: string;
};

/** A value to write at an RFC 6901 pointer into the object. */
export type FieldWrite = { path: string; value: unknown };

export type ManifestPatch = {
  /** The file declares the object. When false, `text` is the input. */
  found: boolean;
  text: string;
  /** Pointers written. */
  written: string[];
  refused: FieldRefusal[];
};

/** Kinds whose values are secrets: never written into a file. */
const SECRET_KINDS = new Set(['Secret', 'SealedSecret']);

const INDEX = /^(0|[1-9]\d*)$/;

type Splice = { start: number; end: number; text: string };

type Located =
  | { type: 'node'; node: Node }
  | { type: 'new-key'; map: YAMLMap; key: string }
  | { type: 'append'; seq: YAMLSeq }
  | { type: 'undeclared'; at: string };

function scalarValue(node: unknown): unknown {
  return isScalar(node) ? node.value : undefined;
}

function matchesObject(
  contents: unknown,
  object: ManifestObjectRef,
  defaultNamespace: string | undefined,
): contents is YAMLMap {
  if (!isMap(contents)) {
    return false;
  }
  const metadata = contents.get('metadata', true);
  if (
    scalarValue(contents.get('kind', true)) !== object.kind ||
    !isMap(metadata) ||
    scalarValue(metadata.get('name', true)) !== object.name
  ) {
    return false;
  }
  const namespace = scalarValue(metadata.get('namespace', true));
  const declared = typeof namespace === 'string' ? namespace : defaultNamespace;
  return object.namespace === undefined || declared === object.namespace;
}

/** The entry of a list whose `name` is the one of `value`, if both have one. */
function entryNamed(seq: YAMLSeq, value: unknown): Node | undefined {
  if (!isPlainObject(value) || typeof value.name !== 'string') {
    return undefined;
  }
  return seq.items.find(
    (item): item is YAMLMap =>
      isMap(item) && scalarValue(item.get('name', true)) === value.name,
  );
}

function locate(root: YAMLMap, tokens: string[], value: unknown): Located {
  let node: Node = root;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const last = i === tokens.length - 1;
    const at = `/${tokens.slice(0, i + 1).join('/')}`;
    let child: Node | undefined;
    if (isMap(node)) {
      const found: unknown = node.get(token, true);
      child = found as Node | undefined;
      if (child === undefined && last && node.has(token) === false) {
        return { type: 'new-key', map: node, key: token };
      }
    } else if (isSeq(node)) {
      if (token === '-' && last) {
        const named = entryNamed(node, value);
        return named
          ? { type: 'node', node: named }
          : { type: 'append', seq: node };
      }
      child = INDEX.test(token)
        ? (node.items[Number(token)] as Node | undefined)
        : undefined;
    }
    if (!child) {
      return { type: 'undeclared', at };
    }
    node = child;
  }
  return { type: 'node', node };
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** Offset just past the line holding `offset - 1` (its comment included). */
function endOfLine(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') {
    return offset;
  }
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

function isCollection(value: unknown): boolean {
  return (
    (isPlainObject(value) && Object.keys(value).length > 0) ||
    (Array.isArray(value) && value.length > 0)
  );
}

/** One line: a flow collection or a flow scalar. */
function inlineText(value: unknown): string {
  const doc = new Document(value);
  if (isMap(doc.contents) || isSeq(doc.contents)) {
    doc.contents.flow = true;
  }
  return doc.toString({ lineWidth: 0 }).replace(/\n$/, '');
}

/** A block rendering whose lines after the first are indented by `indent`. */
function blockText(value: unknown, indent: number): string {
  const lines = new Document(value)
    .toString({ lineWidth: 0 })
    .replace(/\n$/, '')
    .split('\n');
  return lines.join(`\n${' '.repeat(indent)}`);
}

/** A scalar in the style the file gave it: quotes kept, one line unless a block scalar. */
function scalarText(text: string, node: Scalar, value: unknown): string {
  const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
  const replacement = new Scalar(value);
  replacement.type = node.type;
  if (block && typeof value === 'string') {
    // Content lines sit one level below the line that opens the scalar.
    const start = lineStart(text, node.range![0]);
    const opening = text.slice(start);
    const indent = ' '.repeat(opening.length - opening.trimStart().length + 2);
    // At a document's root, a block scalar's content is not indented.
    const rendered = stringify(replacement, { lineWidth: 0 })
      .split('\n')
      .map((line, i) => (i === 0 || line === '' ? line : `${indent}${line}`))
      .join('\n');
    const original = text.slice(node.range![0], node.range![1]);
    return original.endsWith('\n') ? rendered : rendered.replace(/\n$/, '');
  }
  if (replacement.type === 'PLAIN' || block) {
    replacement.type = undefined;
  }
  const single = stringify(replacement, { lineWidth: 0 }).replace(/\n$/, '');
  if (!single.includes('\n')) {
    return single;
  }
  replacement.type = 'QUOTE_DOUBLE';
  return stringify(replacement, { lineWidth: 0 }).replace(/\n$/, '');
}

function replaceNode(text: string, node: Node, value: unknown): Splice {
  const [start, valueEnd] = node.range!;
  if (isScalar(node) && !isCollection(value)) {
    return { start, end: valueEnd, text: scalarText(text, node, value) };
  }
  // Block collections end after their last line break: keep it.
  let end = valueEnd;
  while (end > start && /\s/.test(text[end - 1])) {
    end--;
  }
  const sameShape =
    (isMap(node) && isPlainObject(value)) ||
    (isSeq(node) && Array.isArray(value));
  const block =
    sameShape && !(node as YAMLMap | YAMLSeq).flow && isCollection(value);
  return {
    start,
    end,
    text: block ? blockText(value, columnOf(text, start)) : inlineText(value),
  };
}

function lastItemEnd(items: ReadonlyArray<unknown>): number | undefined {
  const last = items[items.length - 1];
  const node = (last instanceof Pair ? last.value ?? last.key : last) as
    | Node
    | undefined;
  return node?.range?.[1];
}

function firstItemStart(items: ReadonlyArray<unknown>): number | undefined {
  const first = items[0];
  const node = (first instanceof Pair ? first.key : first) as Node | undefined;
  return node?.range?.[0];
}

function keyText(key: string): string {
  return stringify(key).replace(/\n$/, '');
}

function addKey(
  text: string,
  map: YAMLMap,
  key: string,
  value: unknown,
): Splice {
  const end = lastItemEnd(map.items);
  if (map.flow || end === undefined) {
    const close = map.range![1] - 1;
    const at = end ?? close;
    const separator = end === undefined ? '' : ', ';
    const insert = `${separator}${keyText(key)}: ${inlineText(value)}`;
    return { start: at, end: at, text: insert };
  }
  const indent = columnOf(text, firstItemStart(map.items)!);
  const pad = ' '.repeat(indent);
  const rendered = isCollection(value)
    ? `\n${pad}  ${blockText(value, indent + 2)}`
    : ` ${inlineText(value)}`;
  const at = endOfLine(text, end);
  const newline = at === text.length && !text.endsWith('\n') ? '\n' : '';
  return {
    start: at,
    end: at,
    text: `${newline}${pad}${keyText(key)}:${rendered}\n`,
  };
}

function appendEntry(text: string, seq: YAMLSeq, value: unknown): Splice {
  const end = lastItemEnd(seq.items);
  if (seq.flow || end === undefined) {
    const at = end ?? seq.range![1] - 1;
    const separator = end === undefined ? '' : ', ';
    return { start: at, end: at, text: `${separator}${inlineText(value)}` };
  }
  const itemStart = firstItemStart(seq.items)!;
  // The dash sits before the first item's content on its line.
  const dash = text.lastIndexOf('-', itemStart);
  const indent = columnOf(text, dash);
  const rendered = isCollection(value)
    ? blockText(value, indent + 2)
    : inlineText(value);
  const at = endOfLine(text, end);
  const newline = at === text.length && !text.endsWith('\n') ? '\n' : '';
  return {
    start: at,
    end: at,
    text: `${newline}${' '.repeat(indent)}- ${rendered}\n`,
  };
}

function applySplices(text: string, splices: Splice[]): string {
  let result = text;
  for (const splice of [...splices].sort((a, b) => b.start - a.start)) {
    result =
      result.slice(0, splice.start) + splice.text + result.slice(splice.end);
  }
  return result;
}

function overlaps(a: Splice, b: Splice): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Writes `writes` into the object `object` of the manifest file `text`.
 * Fields that cannot be written honestly are refused with a reason; the
 * object's other fields are still written.
 */
export function patchManifest(
  text: string,
  object: ManifestObjectRef,
  writes: FieldWrite[],
  options: { defaultNamespace?: string } = {},
): ManifestPatch {
  const unchanged = { found: false, text, written: [], refused: [] };
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) {
    return unchanged;
  }
  const doc = docs.find(
    d =>
      d.errors.length === 0 &&
      matchesObject(d.contents, object, options.defaultNamespace),
  );
  if (!doc) {
    return unchanged;
  }
  const root = doc.contents as YAMLMap;
  const splices: Splice[] = [];
  const written: string[] = [];
  const refused: FieldRefusal[] = [];
  for (const write of writes) {
    if (SECRET_KINDS.has(object.kind)) {
      refused.push(refusal(write.path, 'secret-value'));
      continue;
    }
    let tokens: string[];
    try {
      tokens = parsePointer(write.path);
    } catch {
      refused.push(refusal(write.path, 'invalid-path'));
      continue;
    }
    if (
      tokens.length === 0 ||
      tokens[0] === 'kind' ||
      tokens[0] === 'apiVersion'
    ) {
      refused.push(refusal(write.path, 'not-writable'));
      continue;
    }
    if (write.value === undefined) {
      refused.push(refusal(write.path, 'removed-live'));
      continue;
    }
    const located = locate(root, tokens, write.value);
    let splice: Splice;
    if (located.type === 'undeclared') {
      refused.push(refusal(write.path, 'not-declared'));
      continue;
    } else if (located.type === 'node') {
      splice = replaceNode(text, located.node, write.value);
    } else if (located.type === 'new-key') {
      splice = addKey(text, located.map, located.key, write.value);
    } else {
      splice = appendEntry(text, located.seq, write.value);
    }
    if (splices.some(other => overlaps(other, splice))) {
      refused.push(refusal(write.path, 'overlapping'));
      continue;
    }
    splices.push(splice);
    written.push(write.path);
  }
  return { found: true, text: applySplices(text, splices), written, refused };
}
