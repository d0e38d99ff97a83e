/**
 * Template of docs/architecture.md: the diagrams, every component and connection with its settings, and the notes.
 * Design text arrives escaped by the view-model (lib/generators/starter-repo/architecture-doc.ts).
 */
export default String.raw`# Architecture of {{title}}

Exported by Archway {{code archwayVersion}}. Cloud region {{code region}}, services on {{platform}}.

## Flowchart

{{flowchart}}

## Request sequence

{{sequence}}

## Components

| Id | Name | Kind | Zone | Settings |
|---|---|---|---|---|
{{#each components}}
| {{code id}} | {{name}} | {{kind}} | {{zone}} | {{settings}} |
{{else}}
| | This design has no components yet. | | | |
{{/each}}

## Connections

| Id | From | To | Protocol | Timeout | Retries | Circuit breaker | TLS | Path prefix |
|---|---|---|---|---|---|---|---|---|
{{#each connections}}
| {{code id}} | {{from}} | {{to}} | {{protocol}} | {{timeout}} | {{retries}} | {{circuitBreaker}} | {{tls}} | {{pathPrefix}} |
{{else}}
| | This design has no connections yet. | | | | | | | |
{{/each}}

## Generated services

| Service | Folder | Port | Health checks | Environment |
|---|---|---|---|---|
{{#each services}}
| {{name}} | {{code directory}} | {{port}} | {{health}} | {{environment}} |
{{else}}
| | This design has no services or workers. | | | |
{{/each}}

{{#if notes.length}}
## Notes

Notes and captions drawn on the canvas during design sessions.

| Note | Kind | Zone |
|---|---|---|
{{#each notes}}
| {{text}} | {{kind}} | {{zone}} |
{{/each}}

{{/if}}
{{#if zones.length}}
## Zones

| Id | Name | Kind | Inside |
|---|---|---|---|
{{#each zones}}
| {{code id}} | {{name}} | {{kind}} | {{parent}} |
{{/each}}
{{/if}}
`;
