import type { FastifyInstance } from 'fastify';
import type { RouteDependencies } from '../app-context.ts';
import { healthRoutes } from './health/health.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { processRoutes } from './processes/processes.routes.ts';
import { processPlanRoutes } from './processes/process-plan.routes.ts';
import { strategyRoutes } from './strategies/strategies.routes.ts';
import { adminUserRoutes } from './admin/users.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { roundRoutes } from './rounds/rounds.routes.ts';
import { actorRoutes } from './actors/actors.routes.ts';
import { publicRoundRoutes } from './public/public-rounds.routes.ts';
import { privacyRoutes } from './privacy/privacy.routes.ts';

/** Explicit registration of every route module (no autoload): this list is the API. */
export async function registerRoutes(app: FastifyInstance, deps: RouteDependencies): Promise<void> {
  await app.register(healthRoutes(deps));
  await app.register(authRoutes(deps));
  await app.register(processRoutes(deps));
  await app.register(strategyRoutes(deps));
  await app.register(processPlanRoutes(deps));
  await app.register(adminUserRoutes(deps));
  await app.register(auditRoutes(deps));
  await app.register(roundRoutes(deps));
  await app.register(actorRoutes(deps));
  await app.register(publicRoundRoutes(deps));
  await app.register(privacyRoutes(deps));
}
