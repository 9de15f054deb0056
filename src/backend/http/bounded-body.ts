import { MAX_RESPONSE_BYTES } from '../../core/index.js';
import { DozorBackendError } from '../errors.js';

function tooLarge(bytes: number, declared: boolean): DozorBackendError {
  return new DozorBackendError(
    'invalid-response',
    `Malformed server response: the body ${declared ? 'declares' : 'has more than'} ${bytes} bytes (at most ${MAX_RESPONSE_BYTES})`,
    { field: 'response' },
  );
}

/**
 * The body as text, read chunk by chunk and given up (the rest never read, decoded or parsed) once
 * it passes `MAX_RESPONSE_BYTES`: decoding and parsing are synchronous, so an oversized answer must be
 * refused before it can freeze the page.
 */
export async function readBoundedText(response: Response): Promise<string> {
  const declared = Number(response.headers.get('Content-Length'));
  if (declared > MAX_RESPONSE_BYTES) {
    void response.body?.cancel().catch(() => {});
    throw tooLarge(declared, true);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > MAX_RESPONSE_BYTES) {
      void reader.cancel().catch(() => {});
      throw tooLarge(MAX_RESPONSE_BYTES, false);
    }
    text += decoder.decode(value, { stream: true });
  }
}
