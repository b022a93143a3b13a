import { InputError } from '@backstage/errors';
import express, { RequestHandler } from 'express';
import { findUntrustedJsonProblem } from '../engine/untrustedJson';

/** Agents push whole observations (live objects, Terraform plans). */
export const OBSERVATION_BODY_LIMIT = '10mb';
/** Everything else (hotfixes, transitions) is small; more is refused with 413. */
export const DEFAULT_BODY_LIMIT = '256kb';

const observationJson = express.json({ limit: OBSERVATION_BODY_LIMIT });
const defaultJson = express.json({ limit: DEFAULT_BODY_LIMIT });

/**
 * Parses JSON bodies with the limit of their route, then refuses prototype
 * keys and hostile nesting (400 naming the pointer) before the spec
 * validator or any handler walks the body.
 */
export const jsonBody: RequestHandler[] = [
  (req, res, next) => {
    const observations = req.path === '/observations';
    (observations ? observationJson : defaultJson)(req, res, error => {
      // Answered here: the spec validator's error handler would turn it into a 400.
      if (error?.type === 'entity.too.large') {
        const limit = observations
          ? OBSERVATION_BODY_LIMIT
          : DEFAULT_BODY_LIMIT;
        res.status(413).json({
          error: {
            name: 'PayloadTooLargeError',
            message: `Request body is larger than ${limit}, the limit of ${req.path}`,
          },
          request: { method: req.method, url: req.originalUrl },
          response: { statusCode: 413 },
        });
        return;
      }
      next(error);
    });
  },
  (req, _res, next) => {
    const problem =
      req.body === undefined ? undefined : findUntrustedJsonProblem(req.body);
    next(problem ? new InputError(`Request body ${problem}`) : undefined);
  },
];
