import type { FastifyPluginAsync } from 'fastify';
import answersRoute from './answers.ts';
import createRoute from './create.ts';
import listRoute from './list.ts';
import readRoute from './read.ts';
import reportAtPositionRoute from './reports.ts';
import resultsCsvRoute from './results-csv.ts';
import reviewRoute from './review.ts';
import savedAtPositionRoute from './saved.ts';
import submitRoute from './submit.ts';

/** Everything about attempts needs a signed-in user: one hook for the whole folder. */
const attemptRoutes: FastifyPluginAsync<{ autosaveBatchLimit?: number; autosaveFastPath?: boolean }> = async (
  app,
  options,
) => {
  app.addHook('onRequest', app.authenticate);
  await app.register(createRoute);
  await app.register(listRoute);
  await app.register(readRoute);
  await app.register(answersRoute, { batchLimit: options.autosaveBatchLimit, fastPath: options.autosaveFastPath });
  await app.register(submitRoute);
  await app.register(reviewRoute);
  await app.register(resultsCsvRoute);
  await app.register(savedAtPositionRoute);
  await app.register(reportAtPositionRoute);
};

export default attemptRoutes;
