/**
 * Cloud Functions entry (package.json `main` points at its build, dist/functions/index.js). Registrations only:
 * each HTTP function is one job behind `jobHandler` (status codes in http-answer.ts), `dispatch` fans a
 * scheduled tick out to one Pub/Sub message per workspace, and `workspaceTick` runs a cycle for one workspace.
 * Jobs are wired in functions/jobs.ts; a job not wired yet answers 501.
 */
// First: V8's memory mode must be set before the rest is loaded and compiled (see v8-settings.ts).
import './v8-settings.ts';
import { cloudEvent, http } from '@google-cloud/functions-framework';
import { dispatchHandler } from './dispatch.ts';
import { jobHandler } from './job-handler.ts';
import { JOBS } from './jobs.ts';
import { supplierPortalFunction } from './supplier-portal.ts';
import { webhooksHandler } from './webhooks.ts';
import { workspaceTick } from './workspace-tick.ts';

http('provisionWorkspace', jobHandler('provisionWorkspace', JOBS.provision));
http('syncWorkspace', jobHandler('syncWorkspace', JOBS.sync));
http('runChecks', jobHandler('runChecks', JOBS.checks));
http('buildDocuments', jobHandler('buildDocuments', JOBS.documents));
http('closeProject', jobHandler('closeProject', JOBS.close));
http('planSchedule', jobHandler('planSchedule', JOBS.plan));
http('refreshCalendar', jobHandler('refreshCalendar', JOBS.calendar));
http('dispatch', dispatchHandler());
cloudEvent('workspaceTick', workspaceTick());
// Public (factories have no Google identity): the signed link is the credential. See functions/supplier-portal.ts.
http('supplierPortal', supplierPortalFunction());
http('webhooks', webhooksHandler());
