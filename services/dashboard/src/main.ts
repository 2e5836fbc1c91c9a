import 'reflect-metadata';
import { runStandalone } from '@ttkt/messaging';
import { DASHBOARD_SERVICE, startDashboardService } from './dashboard.service';

void runStandalone(DASHBOARD_SERVICE, { port: 3008 }, startDashboardService);
