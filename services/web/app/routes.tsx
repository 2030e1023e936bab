import type { JSX } from 'preact';
import { ClerkApplications } from './pages/clerk/ClerkApplications.tsx';
import { ClerkApply } from './pages/clerk/ClerkApply.tsx';
import { ClerkHome } from './pages/clerk/ClerkHome.tsx';
import { CertificateAdmin } from './pages/operator/Certificates.tsx';
import { Dashboard } from './pages/operator/Dashboard.tsx';
import { DeadLetters } from './pages/operator/DeadLetters.tsx';
import { Flow } from './pages/operator/Flow.tsx';
import { FollowUps } from './pages/operator/FollowUps.tsx';
import { Search } from './pages/operator/Search.tsx';
import { Apply } from './pages/parent/Apply.tsx';
import { CertificatePage } from './pages/parent/CertificatePage.tsx';
import { Home } from './pages/parent/Home.tsx';
import { MyApplications } from './pages/parent/MyApplications.tsx';
import { Progress } from './pages/parent/Progress.tsx';
import { SignIn } from './pages/parent/SignIn.tsx';
import { SignUp } from './pages/parent/SignUp.tsx';
import { StaffSignIn } from './pages/staff/StaffSignIn.tsx';
import type { Role } from './session.ts';

// Every page, by path, and who may open it.

export interface Route {
  path: string;
  role?: Role;
  render: (params: Record<string, string>) => JSX.Element;
}

const p = (params: Record<string, string>, name: string) => params[name] ?? '';

export const routes: Route[] = [
  { path: '/', render: () => <Home /> },
  { path: '/signin', render: () => <SignIn /> },
  { path: '/signup', render: () => <SignUp /> },
  { path: '/staff/signin', render: () => <StaffSignIn /> },
  { path: '/apply', role: 'citizen', render: () => <Apply /> },
  { path: '/applications', role: 'citizen', render: () => <MyApplications /> },
  { path: '/applications/:id', role: 'citizen', render: (x) => <Progress id={p(x, 'id')} /> },
  {
    path: '/applications/:id/certificates/:certificateId',
    role: 'citizen',
    render: (x) => <CertificatePage applicationId={p(x, 'id')} certificateId={p(x, 'certificateId')} />,
  },
  { path: '/clerk', role: 'clerk', render: () => <ClerkHome /> },
  { path: '/clerk/apply', role: 'clerk', render: () => <ClerkApply /> },
  { path: '/clerk/applications', role: 'clerk', render: () => <ClerkApplications /> },
  { path: '/operator', role: 'operator', render: () => <Search /> },
  { path: '/operator/flows/:id', role: 'operator', render: (x) => <Flow id={p(x, 'id')} /> },
  { path: '/operator/dashboard', role: 'operator', render: () => <Dashboard /> },
  { path: '/operator/dead-letters', role: 'operator', render: () => <DeadLetters /> },
  { path: '/operator/certificates', role: 'operator', render: () => <CertificateAdmin /> },
  { path: '/operator/follow-ups', role: 'operator', render: () => <FollowUps /> },
];
