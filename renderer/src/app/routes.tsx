// The routes of the unlocked app. Hash-based, because the app is served from app:// files.
import { createHashRouter, Navigate } from 'react-router';
import { AppFrame } from './AppFrame';
import { DashboardPage } from '../pages/DashboardPage';
import { CasesPage } from '../pages/CasesPage';
import { SearchPage } from '../pages/SearchPage';
import { SettingsPage } from '../settings/SettingsPage';

export const createAppRouter = () =>
  createHashRouter([
    {
      path: '/',
      element: <AppFrame />,
      children: [
        { index: true, element: <Navigate to="/dashboard" replace /> },
        { path: 'dashboard', element: <DashboardPage /> },
        { path: 'cases', element: <CasesPage /> },
        { path: 'search', element: <SearchPage /> },
        { path: 'settings', element: <SettingsPage /> },
        { path: '*', element: <Navigate to="/dashboard" replace /> },
      ],
    },
  ]);

export const navItems = [
  { to: '/dashboard', label: 'Dashboard' },
  { to: '/cases', label: 'Cases' },
  { to: '/search', label: 'Search' },
  { to: '/settings', label: 'Settings' },
] as const;
