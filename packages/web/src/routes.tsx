import type { ReactNode } from 'react';
import { Spin } from 'antd';
import type { Permission } from '@chp/core';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AppLayout } from './layout/app-layout.js';
import { useSession } from './lib/session.js';
import { AddCountyPage } from './pages/add-county.js';
import { ApprovalsPage } from './pages/approvals.js';
import { AuditPage } from './pages/audit.js';
import { ChangePasswordPage } from './pages/change-password.js';
import { ComparisonPage } from './pages/comparison.js';
import { ComputedIndicatorsPage } from './pages/computed-indicators.js';
import { DashboardPage } from './pages/dashboard.js';
import { ContractsPage } from './pages/contracts.js';
import { EntryPage } from './pages/entry.js';
import { FamilyDoctorTeamsPage } from './pages/family-doctor-teams.js';
import { FindingsPage } from './pages/findings.js';
import { HomePage } from './pages/home.js';
import { IndicatorPage } from './pages/indicator.js';
import { LoginPage } from './pages/login.js';
import { NoAccess, NotFound } from './pages/not-found.js';
import { ProgramDashboardPage } from './pages/program-dashboard.js';
import { ProjectsPage } from './pages/projects.js';
import { RegistersPage } from './pages/registers.js';
import { ResidentRecordPage } from './pages/resident-record.js';
import { ResidentsPage } from './pages/residents.js';
import { SurveillanceAlertsPage } from './pages/surveillance-alerts.js';
import { SurveillanceCasesPage } from './pages/surveillance-cases.js';
import { SurveillanceDashboardPage } from './pages/surveillance-dashboard.js';
import { SurveillanceSignalsPage } from './pages/surveillance-signals.js';
import { WorklistPage } from './pages/worklist.js';
import { ReportsPage } from './pages/reports.js';
import { UsersPage } from './pages/users.js';

/** Signed-in users with a valid password only; others go to login or the change-password page. */
function RequireSession({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (user === undefined) return <Spin fullscreen />;
  if (user === null) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (user.mustChangePassword) return <Navigate to="/change-password" replace />;
  return <>{children}</>;
}

/** Shown when the user has the permission, or any one of a list. */
function Guard({ permission, children }: { permission: Permission | readonly Permission[]; children: ReactNode }) {
  const { can } = useSession();
  const allowed = typeof permission === 'string' ? can(permission) : permission.some(can);
  return allowed ? <>{children}</> : <NoAccess />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/change-password" element={<ChangePasswordPage />} />
      <Route
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<HomePage />} />
        <Route
          path="counties/new"
          element={
            <Guard permission="county.manage">
              <AddCountyPage />
            </Guard>
          }
        />
        <Route
          path="counties/:code/dashboard"
          element={
            <Guard permission="plan.read">
              <DashboardPage />
            </Guard>
          }
        />
        <Route
          path="counties/:code/entry"
          element={
            <Guard permission="value.enter">
              <EntryPage />
            </Guard>
          }
        />
        <Route
          path="counties/:code/projects"
          element={
            <Guard permission="plan.read">
              <ProjectsPage />
            </Guard>
          }
        />
        <Route
          path="counties/:code/reports"
          element={
            <Guard permission="report.download">
              <ReportsPage />
            </Guard>
          }
        />
        <Route
          path="counties/:code/findings"
          element={
            <Guard permission="plan.read">
              <FindingsPage />
            </Guard>
          }
        />
        <Route
          path="counties/:code/computed"
          element={
            <Guard permission="plan.read">
              <ComputedIndicatorsPage />
            </Guard>
          }
        />
        <Route
          path="counties/:code/registers"
          element={
            <Guard permission="value.enter">
              <RegistersPage />
            </Guard>
          }
        />
        <Route
          path="counties/:code/residents"
          element={
            <Guard permission="record.read">
              <ResidentsPage />
            </Guard>
          }
        />
        <Route
          path="counties/:code/residents/:id"
          element={
            <Guard permission="record.read">
              <ResidentRecordPage />
            </Guard>
          }
        />
        <Route
          path="counties/:code/worklist"
          element={
            <Guard permission="record.read">
              <WorklistPage />
            </Guard>
          }
        />
        <Route
          path="counties/:code/contracts"
          element={
            <Guard permission="record.read">
              <ContractsPage />
            </Guard>
          }
        />
        <Route
          path="counties/:code/teams"
          element={
            <Guard permission="record.read">
              <FamilyDoctorTeamsPage />
            </Guard>
          }
        />
        <Route
          path="counties/:code/programs"
          element={
            <Guard permission="record.read">
              <ProgramDashboardPage />
            </Guard>
          }
        />
        <Route
          path="counties/:code/surveillance/dashboard"
          element={
            <Guard permission="surveillance.read">
              <SurveillanceDashboardPage />
            </Guard>
          }
        />
        <Route
          path="counties/:code/surveillance/cases"
          element={
            <Guard permission={['surveillance.read', 'case.report']}>
              <SurveillanceCasesPage />
            </Guard>
          }
        />
        <Route
          path="counties/:code/surveillance/signals"
          element={
            <Guard permission={['surveillance.read', 'signal.submit']}>
              <SurveillanceSignalsPage />
            </Guard>
          }
        />
        <Route
          path="counties/:code/surveillance/alerts"
          element={
            <Guard permission={['surveillance.read', 'alert.manage']}>
              <SurveillanceAlertsPage />
            </Guard>
          }
        />
        <Route path="counties/:code" element={<Navigate to="dashboard" replace />} />
        <Route
          path="indicators/:id"
          element={
            <Guard permission="plan.read">
              <IndicatorPage />
            </Guard>
          }
        />
        <Route
          path="approvals"
          element={
            <Guard permission="value.approve">
              <ApprovalsPage />
            </Guard>
          }
        />
        <Route
          path="comparison"
          element={
            <Guard permission="plan.read">
              <ComparisonPage />
            </Guard>
          }
        />
        <Route
          path="users"
          element={
            <Guard permission="user.manage">
              <UsersPage />
            </Guard>
          }
        />
        <Route
          path="audit"
          element={
            <Guard permission="audit.read">
              <AuditPage />
            </Guard>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
