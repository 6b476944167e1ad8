'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';

/** A labelled text box with a send button; clears itself once the message is saved on the phone. */
export function MessageBox({ label, send, onSend }: { label: string; send: string; onSend: (body: string) => Promise<void> }) {
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!body.trim()) return;
    setBusy(true);
    setError(undefined);
    try {
      await onSend(body.trim());
      setBody('');
    } catch (e) {
      setError(String(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-2">
      <Field label={label} error={error}>
        <textarea
          value={body}
          rows={4}
          maxLength={2000}
          onChange={(e) => setBody(e.target.value)}
          className="w-full rounded-lg border border-line bg-surface p-3 text-base"
        />
      </Field>
      <Button type="submit" disabled={busy || !body.trim()}>
        {send}
      </Button>
    </form>
  );
}
