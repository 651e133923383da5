import { inChunks, parseBooleanQuery } from './query';

describe('inChunks', () => {
  it('asks a chunk at a time and joins the rows in order', async () => {
    const asked: string[][] = [];
    const rows = await inChunks(
      ['a', 'b', 'c', 'd', 'e'],
      async (chunk) => {
        asked.push(chunk);
        return chunk.map((id) => id.toUpperCase());
      },
      2,
    );
    expect(asked).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(rows).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('joins chunks of any size, more rows than a call takes as arguments (issue 19)', async () => {
    const rows = await inChunks(
      ['a', 'b', 'c'],
      async (chunk) => Array.from({ length: 200_000 }, (_, i) => `${chunk[0]}${i}`),
      1,
    );
    expect(rows).toHaveLength(600_000);
    expect(rows[0]).toBe('a0');
    expect(rows[599_999]).toBe('c199999');
  });

  it('asks nothing for no ids', async () => {
    const query = jest.fn(async () => ['x']);
    expect(await inChunks([], query)).toEqual([]);
    expect(query).not.toHaveBeenCalled();
  });
});

describe('parseBooleanQuery', () => {
  it('reads true and false and refuses the rest by name', () => {
    expect(parseBooleanQuery('all', 'true')).toBe(true);
    expect(parseBooleanQuery('all', undefined)).toBe(false);
    expect(() => parseBooleanQuery('all', 'ja')).toThrow('all must be true or false.');
  });
});
