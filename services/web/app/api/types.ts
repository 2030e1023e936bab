import type { paths } from './schema.generated.ts';

// Names for the API's answers the pages pass around, taken from the generated types.

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Ok<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: infer R } | { 201: infer R };
}
  ? Json<R>
  : never;

export type Bundle = Ok<'/api/bundles/{key}', 'get'>;
type Viewed = Ok<'/api/applications/{id}', 'get'>;
/** What the applicant's actions answer, and what GET adds: how the caller relates to it. */
export type ApplicationView = Omit<Viewed, 'relation'> & Partial<Pick<Viewed, 'relation'>>;
export type ItemView = ApplicationView['items'][number];
export type ApplicationSummary = Ok<'/api/applications', 'get'>['applications'][number];
export type CertificateList = Ok<'/api/applications/{id}/certificates', 'get'>;
export type OperatorSummary = Ok<'/api/operator/applications', 'get'>['applications'][number];
export type FlowTimeline = Ok<'/api/operator/applications/{id}/timeline', 'get'>;
export type Figures = Ok<'/api/operator/figures', 'get'>;
export type DeadLetter = Ok<'/api/operator/dead-letters/applications', 'get'>['deadLetters'][number];
export type FollowUp = Ok<'/api/operator/follow-ups', 'get'>['followUps'][number];
export type ItemStatus = ItemView['status'];
