import { formatDateTime, formatRelativeTime } from '../../utils/time';

/** "3 days ago", with the exact date and time on hover. */
export function TimeAgo(props: { at: string }) {
  return (
    <time dateTime={props.at} title={formatDateTime(props.at)}>
      {formatRelativeTime(props.at)}
    </time>
  );
}
