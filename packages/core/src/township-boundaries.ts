/**
 * Township boundaries a county uploads as GeoJSON (RFC 7946) for the township map: the file is checked
 * and each feature matched to one township of the county, by its 9-digit code or else by its name.
 */
import { jsonErrorPosition } from './json-error-position.js';

/** Largest boundary file accepted (bytes); county township boundaries simplified for display are far smaller. */
export const MAX_BOUNDARY_BYTES = 20 * 1024 * 1024;

export interface TownshipRef {
  code: string;
  name: string;
}

export type Position = number[];

export interface BoundaryGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: unknown[];
}

export interface BoundaryFeature {
  type: 'Feature';
  id?: string | number;
  properties: Record<string, unknown> | null;
  geometry: BoundaryGeometry;
}

export interface BoundaryCollection {
  type: 'FeatureCollection';
  features: BoundaryFeature[];
}

/** How one feature was matched: by a property holding the township code, or by the township name. */
export interface FeatureMatch {
  /** 1-based position of the feature in the file. */
  feature: number;
  townshipCode: string;
  townshipName: string;
  matchedBy: 'code' | 'name';
  /** The property that matched ('id' for the feature's own id). */
  property: string;
}

/** One problem of an uploaded file; `feature` is the 1-based feature, null for the file as a whole. */
export interface BoundaryIssue {
  feature: number | null;
  reason: string;
}

/** The validation report of a county's boundaries: PUT answers it, GET adds the annotated file. */
export interface TownshipBoundaryReport {
  countyCode: string;
  uploadedAt: string;
  /** User name of the uploader (null when the account is gone). */
  uploadedBy: string | null;
  featureCount: number;
  matches: FeatureMatch[];
  /** Townships of the county that no feature outlines; the map shows them as missing. */
  missing: TownshipRef[];
}

/** GET /counties/:code/township-boundaries: features carry `townshipCode` and `townshipName` properties. */
export interface TownshipBoundariesResponse extends TownshipBoundaryReport {
  geojson: BoundaryCollection;
}

export type BoundaryCheck =
  | { ok: true; collection: BoundaryCollection; matches: FeatureMatch[]; missing: TownshipRef[] }
  | { ok: false; issues: BoundaryIssue[] };

/** Property names that commonly hold a township code or name in Chinese boundary data (compared case-insensitively). */
const CODE_PROPERTIES = [
  'code',
  'adcode',
  'xzqdm',
  'xzdm',
  'towncode',
  'town_code',
  'gb',
  '乡镇代码',
  '区划代码',
  '行政区划代码',
];
const NAME_PROPERTIES = ['name', 'xzqmc', 'xzmc', 'townname', 'town_name', 'mc', '乡镇名称', '乡镇', '名称'];

/** Reported per file at most, so a wholly wrong file gives a readable answer. */
const MAX_ISSUES = 50;

const LONGITUDE = 180;
const LATITUDE = 90;

/**
 * Checks a boundary file against the county's townships. Every feature must be a Polygon or MultiPolygon
 * in longitude/latitude and match a different township; townships without a feature are reported, not refused.
 */
export function checkTownshipBoundaries(text: string, townships: readonly TownshipRef[]): BoundaryCheck {
  const parsed = parseJson(text);
  if (typeof parsed === 'string') {
    return { ok: false, issues: [{ feature: null, reason: parsed }] };
  }
  const collection = collectionProblem(parsed);
  if (collection !== null) {
    return { ok: false, issues: [{ feature: null, reason: collection }] };
  }
  const features = (parsed as { features: unknown[] }).features;
  const issues: BoundaryIssue[] = [];
  const matches: FeatureMatch[] = [];
  const byCode = new Map(townships.map((t) => [t.code, t]));
  const firstFeatureOf = new Map<string, number>();
  features.forEach((raw, index) => {
    const feature = index + 1;
    const problem = featureProblem(raw);
    if (problem !== null) {
      issues.push({ feature, reason: `第 ${feature} 个要素${describe(raw)}：${problem}` });
      return;
    }
    const match = matchTownship(raw as BoundaryFeature, townships, byCode);
    if (typeof match === 'string') {
      issues.push({ feature, reason: `第 ${feature} 个要素${describe(raw)}：${match}` });
      return;
    }
    const earlier = firstFeatureOf.get(match.code);
    if (earlier !== undefined) {
      issues.push({
        feature,
        reason: `第 ${earlier} 个和第 ${feature} 个要素都对应乡镇“${match.name}”（${match.code}）：每个乡镇只能有一个要素，多块区域请合并为 MultiPolygon`,
      });
      return;
    }
    firstFeatureOf.set(match.code, feature);
    matches.push({ feature, townshipCode: match.code, townshipName: match.name, ...match.by });
  });
  if (issues.length > 0) {
    const unmatched = issues.some((issue) => issue.reason.includes(UNMATCHED));
    return {
      ok: false,
      issues: [...capIssues(issues), ...(unmatched ? [{ feature: null, reason: MATCHING_HINT }] : [])],
    };
  }
  const missing = townships.filter((t) => !firstFeatureOf.has(t.code)).map(({ code, name }) => ({ code, name }));
  return { ok: true, collection: parsed as BoundaryCollection, matches, missing };
}

function capIssues(issues: BoundaryIssue[]): BoundaryIssue[] {
  if (issues.length <= MAX_ISSUES) return issues;
  const rest = issues.length - MAX_ISSUES;
  return [...issues.slice(0, MAX_ISSUES), { feature: null, reason: `另有 ${rest} 个问题未列出` }];
}

/** The parsed value, or the reason it is not JSON, with the line and column where the parser stopped. */
function parseJson(text: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') {
    return '文件为空';
  }
  try {
    return JSON.parse(body) as unknown;
  } catch {
    const position = jsonErrorPosition(body);
    return position
      ? `文件不是有效的 JSON：第 ${position.line} 行第 ${position.column} 列附近有语法错误`
      : '文件不是有效的 JSON';
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function collectionProblem(value: unknown): string | null {
  if (!isObject(value)) {
    return '文件应为 GeoJSON FeatureCollection 对象';
  }
  if (value['type'] !== 'FeatureCollection') {
    return `文件应为 GeoJSON FeatureCollection，实际 type 为“${String(value['type'])}”`;
  }
  if (!Array.isArray(value['features'])) {
    return 'FeatureCollection 缺少 features 数组';
  }
  if (value['features'].length === 0) {
    return 'FeatureCollection 中没有任何要素（features 为空）';
  }
  return null;
}

function featureProblem(value: unknown): string | null {
  if (!isObject(value) || value['type'] !== 'Feature') {
    return '不是 GeoJSON Feature（type 应为 Feature）';
  }
  if (value['properties'] !== null && value['properties'] !== undefined && !isObject(value['properties'])) {
    return 'properties 应为对象';
  }
  const geometry = value['geometry'];
  if (!isObject(geometry)) {
    return '缺少几何（geometry 为空）';
  }
  const type = geometry['type'];
  const coordinates = geometry['coordinates'];
  switch (type) {
    case 'Polygon':
      return polygonProblem(coordinates);
    case 'MultiPolygon': {
      if (!Array.isArray(coordinates) || coordinates.length === 0) {
        return 'MultiPolygon 的 coordinates 应为非空的多边形数组';
      }
      for (const [index, polygon] of coordinates.entries()) {
        const problem = polygonProblem(polygon);
        if (problem !== null) return `第 ${index + 1} 个多边形${problem}`;
      }
      return null;
    }
    default:
      return `几何类型为 ${String(type)}，应为 Polygon 或 MultiPolygon`;
  }
}

function polygonProblem(rings: unknown): string | null {
  if (!Array.isArray(rings) || rings.length === 0) {
    return '的坐标应为非空的环数组';
  }
  for (const [index, ring] of rings.entries()) {
    if (!Array.isArray(ring) || ring.length < 4) {
      return `第 ${index + 1} 个环应至少有 4 个坐标（首尾相同）`;
    }
    for (const position of ring) {
      const problem = positionProblem(position);
      if (problem !== null) return `第 ${index + 1} 个环${problem}`;
    }
  }
  return null;
}

function positionProblem(position: unknown): string | null {
  if (
    !Array.isArray(position) ||
    position.length < 2 ||
    !position.every((n) => typeof n === 'number' && Number.isFinite(n))
  ) {
    return `有无效坐标 ${JSON.stringify(position)}，应为 [经度, 纬度]`;
  }
  const [longitude = 0, latitude = 0] = position as number[];
  if (Math.abs(longitude) > LONGITUDE || Math.abs(latitude) > LATITUDE) {
    return `有坐标 [${String(longitude)}, ${String(latitude)}] 超出经纬度范围：应为 WGS84/CGCS2000 经纬度（经度在前），不能是投影坐标`;
  }
  return null;
}

/** The feature's name or code, to point the user at it: （name=城关镇）. */
function describe(value: unknown): string {
  if (!isObject(value)) return '';
  const properties = isObject(value['properties']) ? value['properties'] : {};
  const shown = [...findProperties(properties, NAME_PROPERTIES), ...findProperties(properties, CODE_PROPERTIES)]
    .slice(0, 2)
    .map(([key, v]) => `${key}=${String(v)}`);
  return shown.length > 0 ? `（${shown.join('，')}）` : '';
}

/** Properties whose key is one of `names` (ignoring case), in the order of `names`. */
function findProperties(properties: Record<string, unknown>, names: readonly string[]): [string, unknown][] {
  const keys = Object.keys(properties);
  return names.flatMap((name) =>
    keys
      .filter((key) => key.toLowerCase() === name)
      .map((key): [string, unknown] => [key, properties[key]])
      .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
  );
}

/** A 9-digit township code from a property value; 12-digit codes ending in 000 name the township too. */
function townshipCodeOf(value: unknown): string | null {
  const text = String(value).trim();
  if (/^\d{9}$/.test(text)) return text;
  if (/^\d{9}000$/.test(text)) return text.slice(0, 9);
  return null;
}

/** A township name without its trailing 街道/办事处/镇/乡, for names written with or without it. */
function nameStem(name: string): string {
  return name.trim().replace(/(街道办事处|办事处|街道|镇|乡)$/u, '');
}

const UNMATCHED = '未能对应到本县乡镇';
const MATCHING_HINT = `乡镇按属性中的 9 位乡镇代码（属性名 ${CODE_PROPERTIES.join('/')}，或要素 id）对应，没有代码时按乡镇名称（属性名 ${NAME_PROPERTIES.join('/')}，可省略末尾的“街道/镇/乡”）对应`;

type Match = { code: string; name: string; by: Pick<FeatureMatch, 'matchedBy' | 'property'> };

function matchTownship(
  feature: BoundaryFeature,
  townships: readonly TownshipRef[],
  byCode: ReadonlyMap<string, TownshipRef>
): Match | string {
  const properties = feature.properties ?? {};
  const codeCandidates: [string, unknown][] = [
    ...findProperties(properties, CODE_PROPERTIES),
    ...(feature.id === undefined ? [] : [['id', feature.id] as [string, unknown]]),
  ];
  const foreignCodes: string[] = [];
  for (const [property, value] of codeCandidates) {
    const code = townshipCodeOf(value);
    if (code === null) continue;
    const township = byCode.get(code);
    if (township) return { ...township, by: { matchedBy: 'code', property } };
    foreignCodes.push(`${property}=${code}`);
  }
  const names = findProperties(properties, NAME_PROPERTIES).filter(([, v]) => typeof v === 'string');
  for (const [property, value] of names) {
    const name = String(value).trim();
    const exact = townships.filter((t) => t.name === name);
    const candidates = exact.length > 0 ? exact : townships.filter((t) => nameStem(t.name) === nameStem(name));
    const [township, second] = candidates;
    if (township && !second) return { ...township, by: { matchedBy: 'name', property } };
    if (second) {
      return `名称“${name}”同时对应 ${candidates.map((t) => `${t.name}（${t.code}）`).join('、')}，请在属性中给出 9 位乡镇代码`;
    }
  }
  const tried = [
    foreignCodes.length > 0 ? `代码 ${foreignCodes.join('、')} 不是本县的乡镇` : '没有含 9 位乡镇代码的属性',
    names.length > 0 ? `名称 ${names.map(([, v]) => `“${String(v)}”`).join('、')} 与本县乡镇不符` : '没有名称属性',
  ];
  return `${UNMATCHED}（${tried.join('；')}）`;
}

/** Features annotated with the township each was matched to, as the API returns them for the map. */
export function annotateBoundaries(
  collection: BoundaryCollection,
  matches: readonly FeatureMatch[]
): BoundaryCollection {
  const byFeature = new Map(matches.map((m) => [m.feature, m]));
  return {
    type: 'FeatureCollection',
    features: collection.features.map((feature, index) => {
      const match = byFeature.get(index + 1);
      return {
        ...feature,
        properties: {
          ...(feature.properties ?? {}),
          townshipCode: match?.townshipCode ?? null,
          townshipName: match?.townshipName ?? null,
        },
      };
    }),
  };
}
