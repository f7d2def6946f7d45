import { useMemo } from 'react';
import { Menu } from 'antd';
import type { MenuProps } from 'antd';
import type { Permission } from '@chp/core';
import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalculatorOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  EditOutlined,
  FileTextOutlined,
  FileProtectOutlined,
  FundOutlined,
  IdcardOutlined,
  LineChartOutlined,
  PlusOutlined,
  ProjectOutlined,
  RadarChartOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/zh.js';
import { useSession } from '../lib/session.js';

interface Entry {
  key: string;
  label: MessageKey;
  icon: React.ReactNode;
  /** Shown when the user has any of these. */
  permission: Permission | readonly Permission[];
  /** County pages live under /counties/:code/. */
  county: boolean;
  /** Entries of a group are shown together under its title. */
  group?: MessageKey;
}

const SURVEILLANCE: MessageKey = 'menu.survGroup';

const ENTRIES: readonly Entry[] = [
  { key: 'dashboard', label: 'menu.dashboard', icon: <DashboardOutlined />, permission: 'plan.read', county: true },
  { key: 'entry', label: 'menu.entry', icon: <EditOutlined />, permission: 'value.enter', county: true },
  {
    key: 'approvals',
    label: 'menu.approvals',
    icon: <CheckSquareOutlined />,
    permission: 'value.approve',
    county: false,
  },
  { key: 'projects', label: 'menu.projects', icon: <ProjectOutlined />, permission: 'plan.read', county: true },
  { key: 'reports', label: 'menu.reports', icon: <FileTextOutlined />, permission: 'report.download', county: true },
  { key: 'findings', label: 'menu.findings', icon: <AlertOutlined />, permission: 'plan.read', county: true },
  { key: 'computed', label: 'menu.computed', icon: <CalculatorOutlined />, permission: 'plan.read', county: true },
  { key: 'registers', label: 'menu.registers', icon: <DatabaseOutlined />, permission: 'value.enter', county: true },
  { key: 'residents', label: 'menu.residents', icon: <IdcardOutlined />, permission: 'record.read', county: true },
  { key: 'worklist', label: 'menu.worklist', icon: <ScheduleOutlined />, permission: 'record.read', county: true },
  { key: 'contracts', label: 'menu.contracts', icon: <SolutionOutlined />, permission: 'record.read', county: true },
  { key: 'teams', label: 'menu.teams', icon: <UsergroupAddOutlined />, permission: 'record.read', county: true },
  { key: 'programs', label: 'menu.programs', icon: <FundOutlined />, permission: 'record.read', county: true },
  {
    key: 'surveillance/dashboard',
    label: 'menu.survDashboard',
    icon: <LineChartOutlined />,
    permission: 'surveillance.read',
    county: true,
    group: SURVEILLANCE,
  },
  {
    key: 'surveillance/cases',
    label: 'menu.survCases',
    icon: <FileProtectOutlined />,
    permission: ['surveillance.read', 'case.report'],
    county: true,
    group: SURVEILLANCE,
  },
  {
    key: 'surveillance/signals',
    label: 'menu.survSignals',
    icon: <RadarChartOutlined />,
    permission: ['surveillance.read', 'signal.submit'],
    county: true,
    group: SURVEILLANCE,
  },
  {
    key: 'surveillance/alerts',
    label: 'menu.survAlerts',
    icon: <WarningOutlined />,
    permission: ['surveillance.read', 'alert.manage'],
    county: true,
    group: SURVEILLANCE,
  },
  { key: 'comparison', label: 'menu.comparison', icon: <BarChartOutlined />, permission: 'plan.read', county: false },
  { key: 'users', label: 'menu.users', icon: <TeamOutlined />, permission: 'user.manage', county: false },
  { key: 'audit', label: 'menu.audit', icon: <AuditOutlined />, permission: 'audit.read', county: false },
  { key: 'counties/new', label: 'menu.addCounty', icon: <PlusOutlined />, permission: 'county.manage', county: false },
];

function entryPath(entry: Entry, countyCode: string | undefined): string | null {
  if (!entry.county) return `/${entry.key}`;
  return countyCode ? `/counties/${countyCode}/${entry.key}` : null;
}

/** The side menu, showing only what the user's roles allow. */
export function SideMenu({ countyCode }: { countyCode: string | undefined }) {
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const visible = useMemo(
    () =>
      ENTRIES.flatMap((e) => {
        const path = entryPath(e, countyCode);
        const allowed = typeof e.permission === 'string' ? can(e.permission) : e.permission.some(can);
        return path && allowed ? [{ entry: e, path }] : [];
      }),
    [can, countyCode]
  );
  const items: MenuProps['items'] = [];
  for (const { entry, path } of visible) {
    const item = {
      key: path,
      icon: entry.icon,
      label: <span data-testid={`menu-${entry.key.replace('/', '-')}`}>{t(entry.label)}</span>,
    };
    if (!entry.group) {
      items.push(item);
      continue;
    }
    // Grouped entries follow each other in ENTRIES, so the group is the last item or starts here.
    const last = items.at(-1);
    if (last && last.type === 'group' && last.key === entry.group) last.children?.push(item);
    else items.push({ type: 'group', key: entry.group, label: t(entry.group), children: [item] });
  }
  // An indicator page belongs to its county's dashboard.
  const section = pathname.startsWith('/indicators/') && countyCode ? `/counties/${countyCode}/dashboard` : pathname;
  const selected = visible.find(({ path }) => section.startsWith(path))?.path;

  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      onClick={({ key }) => {
        void navigate(key);
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
