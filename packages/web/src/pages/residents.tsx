import { useState } from 'react';
import { Input, Select, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { PROGRAMS, PROGRAM_CODES } from '@chp/core';
import type { ProgramCode, ResidentSummary } from '@chp/core';
import { searchResidents } from '../api/residents.js';
import { PageHeader } from '../components/page-header.js';
import { useI18n } from '../i18n/i18n.js';
import { errorMessage } from '../lib/format.js';
import { useCountyCode } from '../lib/route-params.js';
import { useAsync } from '../lib/use-async.js';
import { PlaceFilter } from './residents-place-filter.js';
import type { Place } from './residents-place-filter.js';
import { RecordStatusTag, ageToday, sexLabel } from './residents-tags.js';

const PAGE_SIZE = 50;

/** 居民档案: search by name, ID number (full or masked) or phone, within township, village and programme. */
export function ResidentsPage() {
  const { t } = useI18n();
  const code = useCountyCode();
  const [q, setQ] = useState('');
  const [place, setPlace] = useState<Place>({});
  const [program, setProgram] = useState<ProgramCode>();
  const [page, setPage] = useState(1);
  const state = useAsync(
    () =>
      searchResidents(code, {
        q: q || undefined,
        township: place.township,
        village: place.village,
        program,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
    [code, q, place.township, place.village, program, page]
  );

  const columns = [
    {
      title: t('residents.name'),
      dataIndex: 'name',
      render: (name: string, r: ResidentSummary) => (
        <Link to={`/counties/${code}/residents/${r.id}`} data-testid="resident-link">
          {name}
        </Link>
      ),
    },
    { title: t('residents.idNumber'), dataIndex: 'idNumberMasked', render: (v: string | null) => v ?? '—' },
    { title: t('residents.sex'), dataIndex: 'sex', render: (v: ResidentSummary['sex']) => sexLabel(v) },
    { title: t('residents.age'), dataIndex: 'birthDate', render: (v: string) => ageToday(v) },
    {
      title: t('residents.place'),
      key: 'place',
      render: (_: unknown, r: ResidentSummary) => r.villageName ?? r.townshipName,
    },
    {
      title: t('residents.status'),
      dataIndex: 'recordStatus',
      render: (v: ResidentSummary['recordStatus']) => <RecordStatusTag status={v} />,
    },
    {
      title: t('residents.flags'),
      key: 'flags',
      render: (_: unknown, r: ResidentSummary) =>
        r.mergedIntoId !== null ? <Tag>{t('residents.merged', { id: r.mergedIntoId })}</Tag> : null,
    },
  ];

  return (
    <>
      <PageHeader title={t('menu.residents')} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          data-testid="resident-search"
          allowClear
          enterButton={t('residents.search')}
          placeholder={t('residents.searchHint')}
          style={{ width: 360 }}
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
        />
        <PlaceFilter
          code={code}
          value={place}
          onChange={(next) => {
            setPlace(next);
            setPage(1);
          }}
        />
        <Select
          data-testid="resident-program"
          allowClear
          placeholder={t('residents.program')}
          style={{ width: 180 }}
          value={program}
          options={PROGRAM_CODES.map((p) => ({ value: p, label: PROGRAMS[p].label }))}
          onChange={(next: ProgramCode | undefined) => {
            setProgram(next);
            setPage(1);
          }}
        />
      </Space>
      {state.error && <Typography.Paragraph type="danger">{errorMessage(state.error)}</Typography.Paragraph>}
      <Table<ResidentSummary>
        data-testid="residents-table"
        rowKey="id"
        size="middle"
        loading={state.loading}
        dataSource={state.data?.residents ?? []}
        columns={columns}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: state.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('residents.total', { total }),
          onChange: setPage,
        }}
      />
    </>
  );
}
