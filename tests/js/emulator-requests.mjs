// Sends one fixed sequence of calls with the official AWS SDK for JavaScript v3; the emulator records the requests
// and RequestComparisonTests compares them with what the C# clients send for the same calls.
import { GetDistributionConfigCommand, UpdateDistributionCommand, GetDistributionCommand, CreateInvalidationCommand, GetInvalidationCommand, GetCachePolicyCommand } from "@aws-sdk/client-cloudfront";
import { GetRoleCommand } from "@aws-sdk/client-iam";
import { GetFunctionConfigurationCommand, UpdateFunctionCodeCommand, PublishVersionCommand, ListVersionsByFunctionCommand } from "@aws-sdk/client-lambda";
import { createHash } from "node:crypto";
import { clients, emptyZip, functionName, functionArn, distributionId } from "./emulator-common.mjs";

const { cloudFront, lambda, iam } = clients();

await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: functionName }));
await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: functionArn, Qualifier: "3" }));
await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: functionName, ZipFile: emptyZip }));
const sha = createHash("sha256").update(emptyZip).digest("base64");
await lambda.send(new PublishVersionCommand({ FunctionName: functionName, CodeSha256: sha, Description: "revision 12" }));
await lambda.send(new ListVersionsByFunctionCommand({ FunctionName: functionName }));

const read = await cloudFront.send(new GetDistributionConfigCommand({ Id: distributionId }));
await cloudFront.send(new UpdateDistributionCommand({ Id: distributionId, IfMatch: read.ETag, DistributionConfig: read.DistributionConfig }));
await cloudFront.send(new GetDistributionCommand({ Id: distributionId }));
const created = await cloudFront.send(new CreateInvalidationCommand({
  DistributionId: distributionId,
  InvalidationBatch: { CallerReference: "rev-12", Paths: { Quantity: 2, Items: ["/index.html", "/video/*"] } },
}));
await cloudFront.send(new GetInvalidationCommand({ DistributionId: distributionId, Id: created.Invalidation.Id }));
await cloudFront.send(new GetCachePolicyCommand({ Id: "658327ea-f89d-4fab-a63d-7e88639e58f6" }));
await iam.send(new GetRoleCommand({ RoleName: "edge-rules-execution" }));
console.log("sent 12 requests");
