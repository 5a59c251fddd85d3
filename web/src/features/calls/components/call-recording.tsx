import { Loader, Text } from '@mantine/core';
import { Section } from '../../../components/ui/detail-parts';
import { describeError } from '../../../lib/form-errors';
import { useCallRecording } from '../api/get-call-recording';

/** The call's audio, downloaded with the operator's credentials and played from memory. */
export function CallRecording({ url }: { url: string }) {
  const recording = useCallRecording(url);
  return (
    <Section label="Recording" title="Recording">
      {recording.isError ? (
        <Text size="sm" c="red">
          Could not load the recording: {describeError(recording.error)}
        </Text>
      ) : recording.objectUrl ? (
        <audio controls preload="metadata" src={recording.objectUrl} style={{ width: '100%' }}>
          <track kind="captions" />
        </audio>
      ) : (
        <Loader size="xs" aria-label="Loading the recording" />
      )}
    </Section>
  );
}
