import { describe, expect, it } from 'vitest';
import { syntheticTownshipBoundaries } from './synthetic-boundaries.js';
import { annotateBoundaries, checkTownshipBoundaries } from './township-boundaries.js';
import type { BoundaryCheck, BoundaryCollection, BoundaryIssue } from './township-boundaries.js';

const TOWNSHIPS = [
  { code: '640221100', name: '城关镇' },
  { code: '640221101', name: '黄渠桥镇' },
  { code: '640221200', name: '高庄乡' },
  { code: '640221400', name: '太沙街道' },
];

function check(collection: unknown): BoundaryCheck {
  return checkTownshipBoundaries(JSON.stringify(collection), TOWNSHIPS);
}

function issuesOf(result: BoundaryCheck): BoundaryIssue[] {
  if (result.ok) throw new Error('expected the check to fail');
  return result.issues;
}

function withProperties(...properties: Record<string, unknown>[]): BoundaryCollection {
  const [template] = syntheticTownshipBoundaries(TOWNSHIPS.slice(0, 1)).features;
  if (!template) throw new Error('no template feature');
  return { type: 'FeatureCollection', features: properties.map((p) => ({ ...template, properties: p })) };
}

describe('checkTownshipBoundaries', () => {
  it('matches every feature by its code property and reports no missing township', () => {
    const result = check(syntheticTownshipBoundaries(TOWNSHIPS, { identifyBy: 'code' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.matches.map((m) => [m.townshipCode, m.matchedBy, m.property])).toEqual(
      TOWNSHIPS.map((t) => [t.code, 'code', 'code'])
    );
    expect(result.missing).toEqual([]);
  });

  it('matches names exactly or without the 街道/镇/乡 suffix and reports townships without a feature', () => {
    const result = check(withProperties({ NAME: ' 城关镇 ' }, { 名称: '黄渠桥' }, { name: '太沙' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.matches.map((m) => [m.feature, m.townshipName, m.matchedBy, m.property])).toEqual([
      [1, '城关镇', 'name', 'NAME'],
      [2, '黄渠桥镇', 'name', '名称'],
      [3, '太沙街道', 'name', 'name'],
    ]);
    expect(result.missing).toEqual([{ code: '640221200', name: '高庄乡' }]);
  });

  it('reads 12-digit codes ending in 000, numeric codes and the feature id', () => {
    const collection = withProperties({ XZQDM: '640221100000' }, { adcode: 640221101 }, {});
    const third = collection.features[2];
    if (third) third.id = '640221200';
    const result = check(collection);
    expect(result.ok && result.matches.map((m) => [m.townshipCode, m.property])).toEqual([
      ['640221100', 'XZQDM'],
      ['640221101', 'adcode'],
      ['640221200', 'id'],
    ]);
  });

  it('prefers a matching code over the name', () => {
    const result = check(withProperties({ code: '640221200', name: '城关镇' }));
    expect(result.ok && result.matches[0]?.townshipName).toBe('高庄乡');
  });

  it('locates a JSON syntax error by line and column', () => {
    const result = checkTownshipBoundaries('{\n  "type": "FeatureCollection",\n  "features": [}\n', TOWNSHIPS);
    expect(issuesOf(result)).toEqual([{ feature: null, reason: '文件不是有效的 JSON：第 3 行第 16 列附近有语法错误' }]);
  });

  it('refuses an empty file, a single Feature and an empty collection', () => {
    expect(issuesOf(checkTownshipBoundaries('  ', TOWNSHIPS))[0]?.reason).toBe('文件为空');
    const [feature] = syntheticTownshipBoundaries(TOWNSHIPS).features;
    expect(issuesOf(check(feature))[0]?.reason).toBe('文件应为 GeoJSON FeatureCollection，实际 type 为“Feature”');
    expect(issuesOf(check({ type: 'FeatureCollection', features: [] }))[0]?.reason).toBe(
      'FeatureCollection 中没有任何要素（features 为空）'
    );
  });

  it('names each bad geometry with its feature', () => {
    const collection = syntheticTownshipBoundaries(TOWNSHIPS.slice(0, 3));
    const [point, projected, short] = collection.features;
    if (!point || !projected || !short) throw new Error('three features expected');
    point.geometry = { type: 'Point', coordinates: [106.4, 38.8] } as unknown as typeof point.geometry;
    projected.geometry = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [536000, 4290000],
            [537000, 4290000],
            [537000, 4291000],
            [536000, 4290000],
          ],
        ],
      ],
    };
    short.geometry = { type: 'Polygon', coordinates: [[[106.4, 38.8]]] };
    expect(issuesOf(check(collection))).toEqual([
      {
        feature: 1,
        reason: '第 1 个要素（name=城关镇，code=640221100）：几何类型为 Point，应为 Polygon 或 MultiPolygon',
      },
      {
        feature: 2,
        reason:
          '第 2 个要素（name=黄渠桥镇，code=640221101）：第 1 个多边形第 1 个环有坐标 [536000, 4290000] 超出经纬度范围：应为 WGS84/CGCS2000 经纬度（经度在前），不能是投影坐标',
      },
      { feature: 3, reason: '第 3 个要素（name=高庄乡，code=640221200）：第 1 个环应至少有 4 个坐标（首尾相同）' },
    ]);
  });

  it('refuses features of no township of the county, with a hint on the properties read', () => {
    const issues = issuesOf(
      check(withProperties({ code: '640221100' }, { adcode: '640202001', name: '大武口' }, { id: 7 }))
    );
    expect(issues.map((i) => i.feature)).toEqual([2, 3, null]);
    expect(issues[0]?.reason).toBe(
      '第 2 个要素（name=大武口，adcode=640202001）：未能对应到本县乡镇（代码 adcode=640202001 不是本县的乡镇；名称 “大武口” 与本县乡镇不符）'
    );
    expect(issues[1]?.reason).toBe('第 3 个要素：未能对应到本县乡镇（没有含 9 位乡镇代码的属性；没有名称属性）');
    expect(issues[2]?.reason).toContain('xzqdm');
  });

  it('refuses two features of the same township', () => {
    const issues = issuesOf(check(withProperties({ code: '640221100' }, { name: '城关' })));
    expect(issues).toEqual([
      {
        feature: 2,
        reason:
          '第 1 个和第 2 个要素都对应乡镇“城关镇”（640221100）：每个乡镇只能有一个要素，多块区域请合并为 MultiPolygon',
      },
    ]);
  });

  it('lists at most 50 problems', () => {
    const issues = issuesOf(check(withProperties(...Array.from({ length: 60 }, () => ({ name: '无此乡' })))));
    expect(issues).toHaveLength(52);
    expect(issues[50]?.reason).toBe('另有 10 个问题未列出');
  });
});

describe('annotateBoundaries', () => {
  it('adds the matched township to each feature and keeps its own properties', () => {
    const result = check(syntheticTownshipBoundaries(TOWNSHIPS, { identifyBy: 'name' }));
    if (!result.ok) throw new Error('expected a valid file');
    const annotated = annotateBoundaries(result.collection, result.matches);
    expect(annotated.features.map((f) => f.properties)).toEqual(
      TOWNSHIPS.map((t) => ({ name: t.name, townshipCode: t.code, townshipName: t.name }))
    );
  });
});
