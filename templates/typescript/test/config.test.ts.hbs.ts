/** Template of test/config.test.ts: this service's environment variables. */
export default String.raw`import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConfigError, loadConfig } from "../src/config.js";
import { serviceInfo } from "../src/design.js";

/** Every required variable with a value that works in local development. */
const validEnvironment: Record<string, string> = {
{{#each requiredEnvironment}}
  {{name}}: {{exampleLiteral}},
{{/each}}
};

function configError(environment: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(environment);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error;
  }
  assert.fail("loadConfig accepted an invalid environment");
}

describe("loadConfig", () => {
  it("accepts a complete environment and fills the defaults", () => {
    const config = loadConfig(validEnvironment);
    assert.equal(config.port, serviceInfo.defaultPort);
    assert.equal(config.logLevel, "info");
  });

  it("reads PORT and LOG_LEVEL", () => {
    const config = loadConfig({ ...validEnvironment, PORT: "9999", LOG_LEVEL: "debug" });
    assert.equal(config.port, 9999);
    assert.equal(config.logLevel, "debug");
  });

  it("names a PORT that is not a port", () => {
    assert.match(configError({ ...validEnvironment, PORT: "http" }).message, /PORT/);
    assert.match(configError({ ...validEnvironment, PORT: "70000" }).message, /PORT/);
  });

  it("names an unknown LOG_LEVEL", () => {
    assert.match(configError({ ...validEnvironment, LOG_LEVEL: "loud" }).message, /LOG_LEVEL/);
  });

  for (const name of Object.keys(validEnvironment)) {
    it("names " + name + " when it is missing", () => {
      assert.match(configError({ ...validEnvironment, [name]: undefined }).message, new RegExp(name));
    });

    it("names " + name + " when it is not a URL of the right kind", () => {
      assert.match(configError({ ...validEnvironment, [name]: "ftp://example.test" }).message, new RegExp(name));
    });
  }
});
`;
