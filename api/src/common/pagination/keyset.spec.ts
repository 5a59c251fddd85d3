import { SelectQueryBuilder } from 'typeorm';
import { AppException } from '../errors/app.exception';
import { keysetPage } from './keyset';

interface Row {
  id: string;
  createdAt: Date;
}

/** Records what the helper asks of the query builder and serves fixed rows. */
function fakeBuilder(rows: Row[]) {
  const calls: { where: [string, object][]; order: string[]; take?: number } = {
    where: [],
    order: [],
  };
  const qb = {
    andWhere: (sql: string, params: object) => (calls.where.push([sql, params]), qb),
    orderBy: (col: string, dir: string) => (calls.order.push(`${col} ${dir}`), qb),
    addOrderBy: (col: string, dir: string) => (calls.order.push(`${col} ${dir}`), qb),
    limit: (n: number) => ((calls.take = n), qb),
    getMany: async () => rows.slice(0, calls.take),
  };
  return { qb: qb as unknown as SelectQueryBuilder<Row>, calls };
}

const keys = [
  { column: 'r.created_at', property: 'createdAt' as const, direction: 'DESC' as const },
  { column: 'r.id', property: 'id' as const, direction: 'DESC' as const },
];

describe('keyset pagination', () => {
  const rows = [3, 2, 1].map((n) => ({ id: `id-${n}`, createdAt: new Date(Date.UTC(2026, 0, n)) }));

  it('fetches one row more than the page to know whether another page exists', async () => {
    const { qb, calls } = fakeBuilder(rows);
    const page = await keysetPage(qb, { limit: 2 }, keys);
    expect(calls.take).toBe(3);
    expect(page.data.map((r) => r.id)).toEqual(['id-3', 'id-2']);
    expect(page.nextCursor).toEqual(expect.any(String));
    expect(calls.order).toEqual(['r.created_at DESC', 'r.id DESC']);
  });

  it('continues after the cursor with one row comparison, so deep pages cost what the first does', async () => {
    const first = await keysetPage(fakeBuilder(rows).qb, { limit: 2 }, keys);
    const { qb, calls } = fakeBuilder(rows.slice(2));
    const second = await keysetPage(qb, { limit: 2, cursor: first.nextCursor! }, keys);
    expect(calls.where).toEqual([
      [
        '(r.created_at, r.id) < (:cursor0, :cursor1)',
        { cursor0: '2026-01-02T00:00:00.000Z', cursor1: 'id-2' },
      ],
    ]);
    expect(second.nextCursor).toBeNull();
  });

  it.each([
    'garbage',
    Buffer.from('["only-one"]').toString('base64url'),
    Buffer.from('[{},[]]').toString('base64url'),
  ])('rejects a cursor that is not one of its own (%s) with 400', async (cursor) => {
    await expect(keysetPage(fakeBuilder(rows).qb, { cursor }, keys)).rejects.toMatchObject({
      statusCode: 400,
    } as Partial<AppException>);
  });
});
