// The AWS emulator driven by the official AWS SDK for JavaScript v3: every operation the publisher uses, and the
// errors it must understand, parsed by the SDK's own generated code. Run by JsSdkTests (dotnet test), which starts
// an emulator and sets EMULATOR_ENDPOINT.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import {
  GetDistributionConfigCommand, UpdateDistributionCommand, GetDistributionCommand, CreateInvalidationCommand,
  GetInvalidationCommand, PreconditionFailed, InvalidIfMatchVersion, NoSuchDistribution, NoSuchInvalidation,
  InvalidLambdaFunctionAssociation, GetCachePolicyCommand, NoSuchCachePolicy,
} from "@aws-sdk/client-cloudfront";
import { GetRoleCommand, NoSuchEntityException } from "@aws-sdk/client-iam";
import {
  GetFunctionConfigurationCommand, UpdateFunctionCodeCommand, PublishVersionCommand, ListVersionsByFunctionCommand,
  DeleteFunctionCommand, ResourceConflictException, ResourceNotFoundException, TooManyRequestsException, InvalidParameterValueException,
  PreconditionFailedException, ServiceException,
} from "@aws-sdk/client-lambda";
import {
  clients, emptyZip, functionName, functionArn, distributionId, injectFault, advanceClock, credentials, configureFunction, changeAssociation, changeGeoRestriction,
} from "./emulator-common.mjs";

const { cloudFront, lambda, iam } = clients();
const sha256 = (bytes) => createHash("sha256").update(bytes).digest("base64");

test("GetFunctionConfiguration returns $LATEST with its hash and state", async () => {
  const latest = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: functionName }));
  assert.equal(latest.Version, "$LATEST");
  assert.equal(latest.FunctionArn, functionArn);
  assert.equal(latest.State, "Active");
  assert.equal(latest.LastUpdateStatus, "Successful");
  assert.match(latest.CodeSha256, /^[A-Za-z0-9+/]{43}=$/);
  assert.equal(latest.PackageType, "Zip");
  assert.equal(latest.Runtime, "nodejs20.x");
  assert.equal(latest.Handler, "index.handler");
  assert.equal(latest.Role, "arn:aws:iam::123456789012:role/edge-rules-execution");
  assert.deepEqual([latest.Timeout, latest.MemorySize, latest.EphemeralStorage.Size], [5, 128, 512]);
  assert.deepEqual(latest.Architectures, ["x86_64"]);
  assert.equal(latest.Environment, undefined, "no Environment member when there are no variables");
  assert.equal(latest.Layers, undefined);
});

test("GetFunctionConfiguration by ARN and qualifier returns that version", async () => {
  const version = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: functionArn, Qualifier: "3" }));
  assert.equal(version.Version, "3");
  assert.equal(version.FunctionArn, `${functionArn}:3`);
  assert.equal(version.Description, "build 3");
});

test("GetFunctionConfiguration of an unknown function is ResourceNotFoundException", async () => {
  await assert.rejects(lambda.send(new GetFunctionConfigurationCommand({ FunctionName: "missing" })), (error) => {
    assert.ok(error instanceof ResourceNotFoundException);
    assert.equal(error.$metadata.httpStatusCode, 404);
    assert.match(error.message, /Function not found: arn:aws:lambda:us-east-1:123456789012:function:missing/);
    return true;
  });
});

test("UpdateFunctionCode then PublishVersion publishes the next version with the zip's hash", async () => {
  const before = await lambda.send(new ListVersionsByFunctionCommand({ FunctionName: functionName }));
  const updated = await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: functionName, ZipFile: emptyZip }));
  assert.equal(updated.CodeSha256, sha256(emptyZip));
  assert.equal(updated.CodeSize, emptyZip.length);
  const published = await lambda.send(new PublishVersionCommand({
    FunctionName: functionName, CodeSha256: updated.CodeSha256, Description: "revision 12", RevisionId: updated.RevisionId,
  }));
  assert.equal(published.Version, String(before.Versions.length));
  assert.equal(published.Description, "revision 12");
  const again = await lambda.send(new PublishVersionCommand({ FunctionName: functionName, CodeSha256: updated.CodeSha256 }));
  assert.equal(again.Version, published.Version, "unchanged code publishes nothing new");
});

test("PublishVersion with another hash is InvalidParameterValueException", async () => {
  await assert.rejects(lambda.send(new PublishVersionCommand({ FunctionName: functionName, CodeSha256: sha256(new Uint8Array([1])) })),
    (error) => error instanceof InvalidParameterValueException && /different from current CodeSHA256/.test(error.message));
});

test("UpdateFunctionCode with a stale RevisionId is PreconditionFailedException", async () => {
  await assert.rejects(lambda.send(new UpdateFunctionCodeCommand({ FunctionName: functionName, ZipFile: emptyZip, RevisionId: "stale" })),
    (error) => error instanceof PreconditionFailedException && error.$metadata.httpStatusCode === 412);
});

test("ListVersionsByFunction lists $LATEST then the numbered versions", async () => {
  const listed = await lambda.send(new ListVersionsByFunctionCommand({ FunctionName: functionName }));
  assert.deepEqual(listed.Versions.slice(0, 4).map((v) => v.Version), ["$LATEST", "1", "2", "3"]);
  const paged = await lambda.send(new ListVersionsByFunctionCommand({ FunctionName: functionName, MaxItems: 2 }));
  assert.equal(paged.Versions.length, 2);
  assert.equal(paged.NextMarker, "2");
});

test("Lambda faults surface as the SDK's exceptions", async () => {
  await injectFault("UpdateFunctionCode", "Conflict");
  await assert.rejects(lambda.send(new UpdateFunctionCodeCommand({ FunctionName: functionName, ZipFile: emptyZip })),
    (error) => error instanceof ResourceConflictException && error.$metadata.httpStatusCode === 409 && /update is in progress/.test(error.message));
  await injectFault("GetFunctionConfiguration", "Throttle");
  await assert.rejects(lambda.send(new GetFunctionConfigurationCommand({ FunctionName: functionName })),
    (error) => error instanceof TooManyRequestsException && error.$metadata.httpStatusCode === 429 && error.Reason === "CallerRateLimitExceeded");
  await injectFault("ListVersionsByFunction", "ServerError");
  await assert.rejects(lambda.send(new ListVersionsByFunctionCommand({ FunctionName: functionName })),
    (error) => error instanceof ServiceException && error.$metadata.httpStatusCode === 500);
});

test("GetDistributionConfig returns the whole config and an ETag", async () => {
  const read = await cloudFront.send(new GetDistributionConfigCommand({ Id: distributionId }));
  assert.match(read.ETag, /^E[A-Z0-9]{13}$/);
  const config = read.DistributionConfig;
  assert.equal(config.CallerReference, "terraform-20240611120000000000000001");
  assert.equal(config.Origins.Quantity, 3);
  assert.deepEqual(config.DefaultCacheBehavior.ForwardedValues.Headers.Items, ["CloudFront-Viewer-Country"]);
  assert.equal(config.DefaultCacheBehavior.ForwardedValues.QueryString, true);
  assert.equal(config.DefaultCacheBehavior.LambdaFunctionAssociations.Items[0].LambdaFunctionARN, `${functionArn}:6`);
  assert.equal(config.Restrictions.GeoRestriction.RestrictionType, "whitelist");
});

test("UpdateDistribution with the current ETag goes InProgress, then Deployed after the delay", async () => {
  const read = await cloudFront.send(new GetDistributionConfigCommand({ Id: distributionId }));
  const config = read.DistributionConfig;
  config.DefaultCacheBehavior.LambdaFunctionAssociations.Items[0].LambdaFunctionARN = `${functionArn}:5`;
  config.Restrictions.GeoRestriction = { RestrictionType: "blacklist", Quantity: 1, Items: ["RU"] };
  const updated = await cloudFront.send(new UpdateDistributionCommand({ Id: distributionId, IfMatch: read.ETag, DistributionConfig: config }));
  assert.notEqual(updated.ETag, read.ETag);
  assert.equal(updated.Distribution.Status, "InProgress");
  assert.equal(updated.Distribution.Id, distributionId);
  assert.equal(updated.Distribution.ARN, `arn:aws:cloudfront::123456789012:distribution/${distributionId}`);
  assert.ok(updated.Distribution.LastModifiedTime instanceof Date);
  assert.equal(updated.Distribution.DistributionConfig.Restrictions.GeoRestriction.Items[0], "RU");
  const during = await cloudFront.send(new GetDistributionCommand({ Id: distributionId }));
  assert.equal(during.Distribution.Status, "InProgress");
  assert.equal(during.ETag, updated.ETag);
  await advanceClock(5);
  const after = await cloudFront.send(new GetDistributionCommand({ Id: distributionId }));
  assert.equal(after.Distribution.Status, "Deployed");
});

test("UpdateDistribution with a stale ETag is the SDK's PreconditionFailed", async () => {
  const read = await cloudFront.send(new GetDistributionConfigCommand({ Id: distributionId }));
  await injectFault("UpdateDistribution", "ConcurrentWriter");
  await assert.rejects(cloudFront.send(new UpdateDistributionCommand({ Id: distributionId, IfMatch: read.ETag, DistributionConfig: read.DistributionConfig })),
    (error) => {
      assert.ok(error instanceof PreconditionFailed, `expected PreconditionFailed, got ${error.name}`);
      assert.equal(error.name, "PreconditionFailed");
      assert.equal(error.$metadata.httpStatusCode, 412);
      return true;
    });
});

test("UpdateDistribution without If-Match is InvalidIfMatchVersion", async () => {
  const read = await cloudFront.send(new GetDistributionConfigCommand({ Id: distributionId }));
  await assert.rejects(cloudFront.send(new UpdateDistributionCommand({ Id: distributionId, DistributionConfig: read.DistributionConfig })),
    (error) => error instanceof InvalidIfMatchVersion && error.$metadata.httpStatusCode === 400);
});

test("UpdateDistribution naming $LATEST is InvalidLambdaFunctionAssociation", async () => {
  const read = await cloudFront.send(new GetDistributionConfigCommand({ Id: distributionId }));
  read.DistributionConfig.DefaultCacheBehavior.LambdaFunctionAssociations.Items[0].LambdaFunctionARN = `${functionArn}:$LATEST`;
  await assert.rejects(cloudFront.send(new UpdateDistributionCommand({ Id: distributionId, IfMatch: read.ETag, DistributionConfig: read.DistributionConfig })),
    (error) => error instanceof InvalidLambdaFunctionAssociation && /specific function version/.test(error.message));
});

test("GetDistribution of an unknown id is NoSuchDistribution", async () => {
  await assert.rejects(cloudFront.send(new GetDistributionCommand({ Id: "E000NOTHERE000" })),
    (error) => error instanceof NoSuchDistribution && error.$metadata.httpStatusCode === 404);
});

test("CreateInvalidation honours CallerReference, and GetInvalidation completes after the delay", async () => {
  const batch = { CallerReference: "rev-12", Paths: { Quantity: 2, Items: ["/index.html", "/video/*"] } };
  const created = await cloudFront.send(new CreateInvalidationCommand({ DistributionId: distributionId, InvalidationBatch: batch }));
  assert.match(created.Location, new RegExp(`/2020-05-31/distribution/${distributionId}/invalidation/${created.Invalidation.Id}$`));
  assert.equal(created.Invalidation.Status, "InProgress");
  assert.deepEqual(created.Invalidation.InvalidationBatch.Paths.Items, ["/index.html", "/video/*"]);
  const again = await cloudFront.send(new CreateInvalidationCommand({ DistributionId: distributionId, InvalidationBatch: batch }));
  assert.equal(again.Invalidation.Id, created.Invalidation.Id);
  await assert.rejects(cloudFront.send(new CreateInvalidationCommand({
    DistributionId: distributionId, InvalidationBatch: { CallerReference: "rev-12", Paths: { Quantity: 1, Items: ["/other"] } },
  })), (error) => error.name === "InvalidationBatchAlreadyExists" && error.$metadata.httpStatusCode === 409);
  await advanceClock(5);
  const read = await cloudFront.send(new GetInvalidationCommand({ DistributionId: distributionId, Id: created.Invalidation.Id }));
  assert.equal(read.Invalidation.Status, "Completed");
  assert.equal(read.Invalidation.InvalidationBatch.CallerReference, "rev-12");
  await assert.rejects(cloudFront.send(new GetInvalidationCommand({ DistributionId: distributionId, Id: "I000NOTHERE000" })),
    (error) => error instanceof NoSuchInvalidation);
});

test("CreateInvalidation refuses paths CloudFront refuses (unencoded space or non-ASCII, no leading slash, * not last, over 4,000)", async () => {
  const refused = ["/menu du jour/*", "/caf\u00e9.html", "no-slash", "/a*b", "/" + "x".repeat(4000)];
  for (const [i, path] of refused.entries()) {
    await assert.rejects(cloudFront.send(new CreateInvalidationCommand({
      DistributionId: distributionId, InvalidationBatch: { CallerReference: `bad-${i}`, Paths: { Quantity: 1, Items: [path] } },
    })), (error) => error.name === "InvalidArgument" && error.$metadata.httpStatusCode === 400 && /invalid invalidation paths/.test(error.message),
    path.slice(0, 40));
  }
  const encoded = ["/menu%20du%20jour/*", "/caf%C3%A9.html"];
  const accepted = await cloudFront.send(new CreateInvalidationCommand({
    DistributionId: distributionId, InvalidationBatch: { CallerReference: "encoded-1", Paths: { Quantity: 2, Items: encoded } },
  }));
  assert.deepEqual(accepted.Invalidation.InvalidationBatch.Paths.Items, encoded);
});

test("CloudFront throttling and 500s reach the SDK with their codes", async () => {
  await injectFault("GetDistribution", "Throttle");
  await assert.rejects(cloudFront.send(new GetDistributionCommand({ Id: distributionId })),
    (error) => error.name === "Throttling" && error.$metadata.httpStatusCode === 400 && error.message === "Rate exceeded");
  await injectFault("GetDistribution", "ServerError");
  await assert.rejects(cloudFront.send(new GetDistributionCommand({ Id: distributionId })),
    (error) => error.name === "InternalError" && error.$metadata.httpStatusCode === 500);
});

test("The SDK's own retries get through transient faults", async () => {
  const { cloudFront: patient } = clients({ maxAttempts: 3 });
  await injectFault("GetDistributionConfig", "Throttle", 2);
  const read = await patient.send(new GetDistributionConfigCommand({ Id: distributionId }));
  assert.equal(read.$metadata.attempts, 3);
});

test("Bad signatures are refused with each service's code", async () => {
  const wrong = clients({ credentials: { ...credentials, secretAccessKey: "not-the-secret" } });
  await assert.rejects(wrong.cloudFront.send(new GetDistributionCommand({ Id: distributionId })),
    (error) => error.name === "SignatureDoesNotMatch" && error.$metadata.httpStatusCode === 403);
  await assert.rejects(wrong.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: functionName })),
    (error) => error.name === "InvalidSignatureException" && error.$metadata.httpStatusCode === 403);
  const stranger = clients({ credentials: { ...credentials, accessKeyId: "AKIDSTRANGER" } });
  await assert.rejects(stranger.cloudFront.send(new GetDistributionCommand({ Id: distributionId })),
    (error) => error.name === "InvalidClientTokenId");
  await assert.rejects(stranger.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: functionName })),
    (error) => error.name === "UnrecognizedClientException");
});

test("GetCachePolicy returns AWS's managed policies by their real ids", async () => {
  const optimized = await cloudFront.send(new GetCachePolicyCommand({ Id: "658327ea-f89d-4fab-a63d-7e88639e58f6" }));
  assert.match(optimized.ETag, /^E[A-Z0-9]{13}$/);
  const config = optimized.CachePolicy.CachePolicyConfig;
  assert.equal(config.Name, "Managed-CachingOptimized");
  assert.deepEqual([config.MinTTL, config.DefaultTTL, config.MaxTTL], [1, 86400, 31536000]);
  assert.equal(config.ParametersInCacheKeyAndForwardedToOrigin.HeadersConfig.HeaderBehavior, "none");
  assert.equal(config.ParametersInCacheKeyAndForwardedToOrigin.QueryStringsConfig.QueryStringBehavior, "none");
  assert.equal(config.ParametersInCacheKeyAndForwardedToOrigin.EnableAcceptEncodingBrotli, true);
  const amplify = await cloudFront.send(new GetCachePolicyCommand({ Id: "2e54312d-136d-493c-8eb9-b001f22f67d2" }));
  const headers = amplify.CachePolicy.CachePolicyConfig.ParametersInCacheKeyAndForwardedToOrigin.HeadersConfig;
  assert.equal(headers.HeaderBehavior, "whitelist");
  assert.deepEqual(headers.Headers.Items, ["Authorization", "CloudFront-Viewer-Country", "Host"]);
  assert.ok(amplify.CachePolicy.LastModifiedTime instanceof Date);
});

test("GetCachePolicy of an unknown id is NoSuchCachePolicy", async () => {
  await assert.rejects(cloudFront.send(new GetCachePolicyCommand({ Id: "00000000-0000-0000-0000-000000000000" })),
    (error) => error instanceof NoSuchCachePolicy && error.$metadata.httpStatusCode === 404);
});

test("IAM GetRole returns the execution role with its trust policy", async () => {
  const { Role } = await iam.send(new GetRoleCommand({ RoleName: "edge-rules-execution" }));
  assert.equal(Role.Arn, "arn:aws:iam::123456789012:role/edge-rules-execution");
  assert.ok(Role.CreateDate instanceof Date);
  const trust = JSON.parse(decodeURIComponent(Role.AssumeRolePolicyDocument));
  assert.deepEqual(trust.Statement[0].Principal.Service, ["lambda.amazonaws.com", "edgelambda.amazonaws.com"]);
  await assert.rejects(iam.send(new GetRoleCommand({ RoleName: "nobody" })),
    (error) => error instanceof NoSuchEntityException && error.$metadata.httpStatusCode === 404);
});

test("A function with environment variables and layers reports them, and CloudFront refuses to associate it", async () => {
  await configureFunction(functionName, { Environment: { STAGE: "prod" }, Layers: ["arn:aws:lambda:us-east-1:123456789012:layer:deps:3"] });
  try {
    const latest = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: functionName }));
    assert.deepEqual(latest.Environment.Variables, { STAGE: "prod" });
    assert.equal(latest.Layers[0].Arn, "arn:aws:lambda:us-east-1:123456789012:layer:deps:3");
    const read = await cloudFront.send(new GetDistributionConfigCommand({ Id: distributionId }));
    read.DistributionConfig.DefaultCacheBehavior.LambdaFunctionAssociations.Items[0].LambdaFunctionARN = `${functionArn}:4`;
    await assert.rejects(cloudFront.send(new UpdateDistributionCommand({ Id: distributionId, IfMatch: read.ETag, DistributionConfig: read.DistributionConfig })),
      (error) => error instanceof InvalidLambdaFunctionAssociation && error.$metadata.httpStatusCode === 400
        && /cannot have environment variables\. Function: arn:aws:lambda:us-east-1:123456789012:function:edge-rules:4/.test(error.message));
  } finally {
    await configureFunction(functionName, { Environment: {}, Layers: [] });
  }
});

test("A change made outside the portal (drift) is what GetDistributionConfig then reads", async () => {
  await changeAssociation(distributionId, { cacheBehavior: "*", eventType: "origin-response", functionArn: `${functionArn}:3` });
  await changeGeoRestriction(distributionId, { restrictionType: "whitelist", locations: ["US", "CA"] });
  const read = await cloudFront.send(new GetDistributionConfigCommand({ Id: distributionId }));
  const associations = read.DistributionConfig.DefaultCacheBehavior.LambdaFunctionAssociations;
  assert.equal(associations.Items.find((a) => a.EventType === "origin-response").LambdaFunctionARN, `${functionArn}:3`);
  assert.deepEqual([read.DistributionConfig.Restrictions.GeoRestriction.RestrictionType, read.DistributionConfig.Restrictions.GeoRestriction.Items],
    ["whitelist", ["US", "CA"]]);
});

test("DeleteFunction with a Qualifier deletes a version nothing ran, refuses one with replicas until they are gone", async () => {
  const deleted = await lambda.send(new DeleteFunctionCommand({ FunctionName: functionName, Qualifier: "1" }));
  assert.equal(deleted.$metadata.httpStatusCode, 204);
  const listed = await lambda.send(new ListVersionsByFunctionCommand({ FunctionName: functionName }));
  assert.ok(!listed.Versions.some((v) => v.Version === "1"));

  // Version 2 runs on the default behaviour, then not: CloudFront keeps its replicas for hours.
  await changeAssociation(distributionId, { cacheBehavior: "*", eventType: "origin-response", functionArn: `${functionArn}:2` });
  await changeAssociation(distributionId, { cacheBehavior: "*", eventType: "origin-response", functionArn: `${functionArn}:3` });
  await assert.rejects(lambda.send(new DeleteFunctionCommand({ FunctionName: functionName, Qualifier: "2" })), (error) => {
    assert.ok(error instanceof InvalidParameterValueException);
    assert.equal(error.$metadata.httpStatusCode, 400);
    assert.equal(error.message, `Lambda was unable to delete ${functionArn}:2 because it is a replicated function. Please see our documentation for Deleting Lambda@Edge Functions and Replicas.`);
    return true;
  });
  await assert.rejects(lambda.send(new DeleteFunctionCommand({ FunctionName: functionName, Qualifier: "3" })),
    (error) => error instanceof InvalidParameterValueException && /replicated function/.test(error.message), "a version a behaviour runs is refused too");
  await assert.rejects(lambda.send(new DeleteFunctionCommand({ FunctionName: functionName, Qualifier: "$LATEST" })),
    (error) => error instanceof InvalidParameterValueException && /\$LATEST version cannot be deleted/.test(error.message));
  await assert.rejects(lambda.send(new DeleteFunctionCommand({ FunctionName: functionName, Qualifier: "99" })),
    (error) => error instanceof ResourceNotFoundException && error.$metadata.httpStatusCode === 404);

  await advanceClock(3 * 3600 + 60);
  const later = await lambda.send(new DeleteFunctionCommand({ FunctionName: functionName, Qualifier: "2" }));
  assert.equal(later.$metadata.httpStatusCode, 204);
});
