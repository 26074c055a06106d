// The routes of the unlocked app. Hash-based, because the app is served from app:// files.
import { createHashRouter, Navigate } from 'react-router';
import { AppFrame } from './AppFrame';
import { DashboardPage } from '../dashboard/DashboardPage';
import { CasesPage } from '../cases/CasesPage';
import { CaseFormPage } from '../cases/CaseFormPage';
import { CaseView } from '../cases/CaseView';
import { NoteEditorPage } from '../notes/NoteEditorPage';
import { PeoplePage } from '../people/PeoplePage';
import { PersonFormPage } from '../people/PersonFormPage';
import { PersonView } from '../people/PersonView';
import { PartiesPage } from '../parties/PartiesPage';
import { SearchPage } from '../search/SearchPage';
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
        { path: 'cases/new', element: <CaseFormPage /> },
        { path: 'cases/:caseId', element: <CaseView /> },
        { path: 'cases/:caseId/edit', element: <CaseFormPage /> },
        { path: 'cases/:caseId/notes/:noteId', element: <NoteEditorPage /> },
        { path: 'people', element: <PeoplePage /> },
        { path: 'people/new', element: <PersonFormPage /> },
        { path: 'people/:personId', element: <PersonView /> },
        { path: 'people/:personId/edit', element: <PersonFormPage /> },
        { path: 'parties', element: <PartiesPage /> },
        { path: 'search', element: <SearchPage /> },
        { path: 'settings', element: <SettingsPage /> },
        { path: '*', element: <Navigate to="/dashboard" replace /> },
      ],
    },
  ]);

export const navItems = [
  { to: '/dashboard', label: 'Dashboard' },
  { to: '/cases', label: 'Cases' },
  { to: '/people', label: 'People' },
  { to: '/parties', label: 'Parties' },
  { to: '/search', label: 'Search' },
  { to: '/settings', label: 'Settings' },
] as const;
