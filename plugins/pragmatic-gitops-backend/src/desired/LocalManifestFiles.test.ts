import { createMockDirectory } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import fsPromises from 'node:fs/promises';
import { DesiredStateUnavailableError } from './DesiredStateUnavailableError';
import { LocalManifestFiles } from './LocalManifestFiles';

const SETTLED = new Date(Date.now() - 60 * 60_000);
/** Looked at an hour after the files were written: long settled. */
const later = () => Date.now() + 60 * 60_000;

describe('LocalManifestFiles', () => {
  const dir = createMockDirectory();

  function checkout(files: Record<string, string>) {
    dir.clear();
    dir.setContent(files);
  }

  const texts = (read: Awaited<ReturnType<LocalManifestFiles['read']>>) =>
    Object.fromEntries(read.files.map(f => [f.path, f.content]));

  afterEach(() => jest.restoreAllMocks());

  it('answers a settled, unchanged directory without reading its files again', async () => {
    checkout({ 'a.yaml': 'kind: A', 'sql/V1__init.sql': 'create table t ();' });
    const files = new LocalManifestFiles({ now: later });
    const first = await files.read(dir.path, 'dir:x');
    const readFile = jest.spyOn(fsPromises, 'readFile');
    const again = await files.read(dir.path, 'dir:x');
    expect(readFile).not.toHaveBeenCalled();
    expect(again.files).toBe(first.files);
    expect(texts(again)).toEqual({ 'a.yaml': 'kind: A' });
    expect(again.paths.sort()).toEqual(['a.yaml', 'sql/V1__init.sql']);
  });

  it('reads again when a file changes, even to the same size with its times set back', async () => {
    checkout({ 'a.yaml': 'replicas: 2' });
    fs.utimesSync(dir.resolve('a.yaml'), SETTLED, SETTLED);
    const files = new LocalManifestFiles({ now: later });
    await files.read(dir.path, 'dir:x');
    fs.writeFileSync(dir.resolve('a.yaml'), 'replicas: 3');
    fs.utimesSync(dir.resolve('a.yaml'), SETTLED, SETTLED);
    expect(texts(await files.read(dir.path, 'dir:x'))).toEqual({
      'a.yaml': 'replicas: 3',
    });
  });

  it('reads again when a file is added, removed or renamed', async () => {
    checkout({ 'a.yaml': 'kind: A' });
    const files = new LocalManifestFiles({ now: later });
    await files.read(dir.path, 'dir:x');

    fs.writeFileSync(dir.resolve('b.yaml'), 'kind: B');
    expect(texts(await files.read(dir.path, 'dir:x'))).toEqual({
      'a.yaml': 'kind: A',
      'b.yaml': 'kind: B',
    });
    fs.renameSync(dir.resolve('b.yaml'), dir.resolve('c.yaml'));
    expect(texts(await files.read(dir.path, 'dir:x'))).toEqual({
      'a.yaml': 'kind: A',
      'c.yaml': 'kind: B',
    });
    fs.rmSync(dir.resolve('a.yaml'));
    expect(texts(await files.read(dir.path, 'dir:x'))).toEqual({
      'c.yaml': 'kind: B',
    });
  });

  it('keeps reading a file changed moments ago (timestamps are too coarse to trust yet)', async () => {
    dir.clear();
    dir.setContent({ 'a.yaml': 'kind: A' });
    const files = new LocalManifestFiles();
    await files.read(dir.path, 'dir:x');
    const readFile = jest.spyOn(fsPromises, 'readFile');
    expect(texts(await files.read(dir.path, 'dir:x'))).toEqual({
      'a.yaml': 'kind: A',
    });
    expect(readFile).toHaveBeenCalledTimes(1);
  });

  it('says which file cannot be read, and does not answer from before', async () => {
    checkout({ 'a.yaml': 'kind: A' });
    const files = new LocalManifestFiles({ now: later });
    await files.read(dir.path, 'dir:x');
    fs.writeFileSync(dir.resolve('a.yaml'), 'kind: B');
    jest
      .spyOn(fsPromises, 'readFile')
      .mockRejectedValueOnce(
        Object.assign(new Error('denied'), { code: 'EACCES' }),
      );
    await expect(files.read(dir.path, 'dir:x')).rejects.toThrow(
      new DesiredStateUnavailableError('a.yaml cannot be read: EACCES'),
    );
    expect(texts(await files.read(dir.path, 'dir:x'))).toEqual({
      'a.yaml': 'kind: B',
    });
  });

  it('forgets the least recently used directories beyond its bound', async () => {
    checkout({ 'one/a.yaml': 'kind: A', 'two/b.yaml': 'kind: B' });
    const files = new LocalManifestFiles({ maxEntries: 1, now: later });
    await files.read(dir.resolve('one'), 'dir:one');
    await files.read(dir.resolve('two'), 'dir:two');
    const readFile = jest.spyOn(fsPromises, 'readFile');
    await files.read(dir.resolve('two'), 'dir:two');
    expect(readFile).not.toHaveBeenCalled();
    await files.read(dir.resolve('one'), 'dir:one');
    expect(readFile).toHaveBeenCalledTimes(1);
  });
});
