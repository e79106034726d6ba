// Shared by the emulator checks: where the emulator is and how to reach it with the official AWS SDK for JavaScript v3.
// The C# tests (tests/Edge.Handler.Tests/Aws/JsSdkTests.cs) start an emulator and set EMULATOR_ENDPOINT.
import { CloudFrontClient } from "@aws-sdk/client-cloudfront";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { IAMClient } from "@aws-sdk/client-iam";

export const endpoint = process.env.EMULATOR_ENDPOINT;
if (!endpoint) {
  throw new Error("EMULATOR_ENDPOINT is not set: these checks run through `dotnet test` (JsSdkTests), which starts the AWS emulator.");
}

export const credentials = {
  accessKeyId: process.env.EMULATOR_ACCESS_KEY_ID ?? "AKIDEXAMPLE",
  secretAccessKey: process.env.EMULATOR_SECRET_ACCESS_KEY ?? "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};

export const functionName = "edge-rules";
export const functionArn = "arn:aws:lambda:us-east-1:123456789012:function:edge-rules";
export const distributionId = "EDFDVBD6EXAMPLE";

// maxAttempts 1: the SDK's own retries would hide the errors these checks are about.
export function clients(overrides = {}) {
  const config = { endpoint, region: "us-east-1", credentials, maxAttempts: 1, ...overrides };
  // IAM's real endpoint takes requests at "/", which the emulator's STS has; it serves IAM under /iam/.
  const iam = new IAMClient({ ...config, endpoint: new URL("/iam/", config.endpoint).href });
  return { cloudFront: new CloudFrontClient(config), lambda: new LambdaClient(config), iam };
}

// The smallest valid zip: an end-of-central-directory record and nothing else.
export const emptyZip = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);

export async function admin(path, body) {
  const response = await fetch(new URL(`/__emulator${path}`, endpoint), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body ?? {}),
  });
  if (!response.ok) {
    throw new Error(`emulator admin ${path} answered ${response.status}: ${await response.text()}`);
  }
}

export const injectFault = (operation, kind, count = 1) => admin("/faults", { operation, kind, count });
export const advanceClock = (seconds) => admin(`/clock/advance?seconds=${seconds}`);
export const configureFunction = (name, settings) => admin(`/functions/${name}/configuration`, settings);
// Changes made outside the portal (the console, Terraform): what the drift check must notice.
export const changeAssociation = (id, change) => admin(`/distributions/${id}/associations`, change);
export const changeGeoRestriction = (id, change) => admin(`/distributions/${id}/geo-restriction`, change);
