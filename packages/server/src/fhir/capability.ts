/** The server's CapabilityStatement: read and search of Measure, MeasureReport and the health records. */
import type { FhirResource } from './systems.js';

/** The health-record resource types searched by patient. */
const PATIENT_RECORD_TYPES = ['Encounter', 'Condition', 'Observation', 'Immunization', 'EpisodeOfCare'] as const;

export function capabilityStatement(date: string): FhirResource {
  const searchType = (name: string, type: string, documentation: string): Record<string, string> => ({
    name,
    type,
    documentation,
  });
  const paging = [
    searchType('_count', 'number', '每页条数（默认 50，最多 200）'),
    searchType('_offset', 'number', '跳过的条数（翻页，见 Bundle 的 next 链接）'),
  ];
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date,
    kind: 'instance',
    software: { name: '县域卫生健康信息平台' },
    implementation: { description: '县域卫生健康信息平台 FHIR R4 接口（规划指标、监测数据与居民健康档案）' },
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [
      {
        mode: 'server',
        security: {
          description:
            '使用平台登录会话（Cookie chp_session），按用户的区划范围授权；健康档案需 record.read，每次读取居民数据均记录访问日志',
        },
        resource: [
          {
            type: 'Measure',
            interaction: [{ code: 'read' }, { code: 'search-type' }],
            searchParam: [
              searchType('county', 'token', '县（区）代码'),
              searchType('identifier', 'token', '指标编码（urn:chp:indicator|<id>）'),
              searchType('name', 'string', '指标名称（包含匹配）'),
            ],
          },
          {
            type: 'MeasureReport',
            interaction: [{ code: 'read' }, { code: 'search-type' }],
            searchParam: [
              searchType('measure', 'reference', 'Measure/<指标编码>'),
              searchType('county', 'token', '县（区）代码'),
              searchType('period', 'date', '年份，如 2023'),
            ],
          },
          {
            type: 'Patient',
            interaction: [{ code: 'read' }, { code: 'search-type' }],
            searchParam: [
              searchType('identifier', 'token', '证件号码（精确匹配；返回的 identifier 为脱敏号码）'),
              searchType('name', 'string', '姓名（包含匹配）'),
              searchType('birthdate', 'date', '出生日期 YYYY-MM-DD'),
              ...paging,
            ],
          },
          ...PATIENT_RECORD_TYPES.map((type) => ({
            type,
            interaction: [{ code: 'read' }, { code: 'search-type' }],
            searchParam: [
              searchType('patient', 'reference', 'Patient/<编号>'),
              searchType('subject', 'reference', 'Patient/<编号>（同 patient）'),
              ...paging,
            ],
          })),
        ],
      },
    ],
  };
}
