/** The server's CapabilityStatement: read and search of Measure and MeasureReport. */
import type { FhirResource } from './systems.js';

export function capabilityStatement(date: string): FhirResource {
  const searchType = (name: string, type: string, documentation: string): Record<string, string> => ({
    name,
    type,
    documentation,
  });
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date,
    kind: 'instance',
    software: { name: '县域卫生健康信息平台' },
    implementation: { description: '县域卫生健康信息平台 FHIR R4 接口（规划指标与监测数据）' },
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [
      {
        mode: 'server',
        security: { description: '使用平台登录会话（Cookie chp_session），按用户的区划范围授权' },
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
        ],
      },
    ],
  };
}
