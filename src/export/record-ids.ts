/**
 * IRIs for what an export holds: the same record gets the same IRI in every export, so a tool that
 * imports two exports (or Crosscheck, importing its own) sees one annotation, not two.
 */
import { v5 as uuidV5, validate as isUuid } from 'uuid';

/** Crosscheck's namespace for name-based UUIDs; as `urn:uuid:`, its identity as the software that made a file. */
export const crosscheckNamespace = '6575fb4b-4fa7-47a4-9f0e-1e1bc23e5f19';
export const crosscheckAgent = `urn:uuid:${crosscheckNamespace}`;

/** A UUID named by `name` in Crosscheck's namespace (RFC 9562 version 5): the same name, the same UUID. */
export function uuidV5Of(name: string): string {
  return uuidV5(name, crosscheckNamespace);
}

/** The IRI of a stored person, claim or note: its own id when that is a UUID (always, but for hand-made records). */
export function recordIri(id: string): string {
  return `urn:uuid:${isUuid(id) ? id.toLowerCase() : uuidV5Of(`record ${id}`)}`;
}

/** The UUID an IRI names, if it is a `urn:uuid:` IRI. */
export function uuidOfIri(iri: string): string | null {
  const uuid = /^urn:uuid:([0-9a-f-]{36})$/i.exec(iri)?.[1];
  return uuid && isUuid(uuid) ? uuid.toLowerCase() : null;
}
