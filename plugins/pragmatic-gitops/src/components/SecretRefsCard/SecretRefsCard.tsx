import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { InfoCard, InfoCardVariants } from '@backstage/core-components';
import { ANNOTATION_SECRET_REFS } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { SecretRef } from '../../api/types';
import { SecretRefsTable } from './SecretRefsTable';
import { plural } from '../../utils/plural';
import { CARD_TITLE } from '../../utils/cardTitle';

function subheader(secretRefs: SecretRef[]): string {
  const missing = secretRefs.filter(
    ref => ref.resolution?.status === 'missing',
  ).length;
  const failed = secretRefs.filter(
    ref => ref.resolution?.status === 'error',
  ).length;
  return [
    plural(secretRefs.length, 'reference'),
    ...(missing ? [`${missing} missing`] : []),
    ...(failed ? [`${failed} not checked (error)`] : []),
  ].join(' · ');
}

/**
 * "Secret references": the secrets the entity depends on, by store, key
 * and property, what declares each one and who uses it, and whether the
 * store has it. References only: there is no value to show, and none is.
 */
export function SecretRefsCard(props: {
  secretRefs?: SecretRef[];
  variant?: InfoCardVariants;
  action?: ReactNode;
  children?: ReactNode;
}) {
  const secretRefs = props.secretRefs;
  return (
    <InfoCard
      titleTypographyProps={CARD_TITLE}
      title="Secret references"
      subheader={secretRefs ? subheader(secretRefs) : undefined}
      variant={props.variant}
      action={props.action}
    >
      <div data-testid="pragmatic-gitops-secret-refs">
        {props.children}
        {secretRefs && secretRefs.length === 0 && (
          <Typography variant="body2" color="textSecondary">
            No secret references found in the manifests or in the{' '}
            <code>{ANNOTATION_SECRET_REFS}</code> annotation.
          </Typography>
        )}
        {secretRefs && secretRefs.length > 0 && (
          <>
            <SecretRefsTable secretRefs={secretRefs} />
            <Box mt={1}>
              <Typography variant="caption" color="textSecondary">
                Checked against the store&apos;s metadata only; secret values
                are never read or shown.
              </Typography>
            </Box>
          </>
        )}
      </div>
    </InfoCard>
  );
}
