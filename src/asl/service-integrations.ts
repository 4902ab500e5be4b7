/**
 * The optimized service integrations of Step Functions (`arn:aws:states:::<service>:<action>`) and the
 * integration patterns each accepts, from the developer guide's "Integrating optimized services" table
 * and its per-service pages. Request Response (no suffix) is accepted by every one of them; the suffixes
 * are Run a Job (`.sync`, and `.sync:2` for Step Functions' own startExecution) and Wait for Callback
 * (`.waitForTaskToken`). AWS SDK integrations (`aws-sdk:<service>:<action>`) accept `.waitForTaskToken`
 * but not `.sync`.
 */

export type IntegrationSuffix = '.sync' | '.sync:2' | '.waitForTaskToken';

export interface OptimizedService {
  /** The service's name in the guide, for messages. */
  title: string;
  /** Action → the suffixes it accepts besides none. */
  actions: Readonly<Record<string, readonly IntegrationSuffix[]>>;
  /**
   * False where the guide's lists were not certain enough to refuse an action missing here: an unknown
   * action of such a service is not reported, and its suffix is judged by the service's table row alone.
   */
  complete: boolean;
  /** The service's table row: the suffixes some action of it accepts. */
  suffixes: readonly IntegrationSuffix[];
}

const SYNC = ['.sync'] as const;
const CALLBACK = ['.waitForTaskToken'] as const;
const BOTH = ['.sync', '.waitForTaskToken'] as const;
const NONE = [] as const;

function service(title: string, actions: Record<string, readonly IntegrationSuffix[]>, complete = true): OptimizedService {
  const suffixes = [...new Set(Object.values(actions).flat())];
  return { title, actions, complete, suffixes };
}

export const OPTIMIZED_SERVICES: Readonly<Record<string, OptimizedService>> = {
  apigateway: service('Amazon API Gateway', { invoke: CALLBACK }),
  athena: service('Amazon Athena', { startQueryExecution: SYNC, stopQueryExecution: NONE, getQueryExecution: NONE, getQueryResults: NONE }),
  batch: service('AWS Batch', { submitJob: SYNC }),
  bedrock: service('Amazon Bedrock', { invokeModel: BOTH, createModelCustomizationJob: BOTH }, false),
  codebuild: service(
    'AWS CodeBuild',
    { startBuild: SYNC, stopBuild: SYNC, batchDeleteBuilds: SYNC, batchGetReports: SYNC, startBuildBatch: SYNC, stopBuildBatch: SYNC, retryBuild: SYNC, retryBuildBatch: SYNC, deleteBuildBatch: SYNC },
    false,
  ),
  dynamodb: service('Amazon DynamoDB', { getItem: NONE, putItem: NONE, updateItem: NONE, deleteItem: NONE }),
  ecs: service('Amazon ECS/Fargate', { runTask: BOTH }),
  eks: service(
    'Amazon EKS',
    // The guide's table and its EKS page disagree on Wait for Callback: both suffixes are let through.
    { createCluster: BOTH, deleteCluster: BOTH, createFargateProfile: BOTH, deleteFargateProfile: BOTH, createNodegroup: BOTH, deleteNodegroup: BOTH, runJob: BOTH, call: BOTH },
  ),
  elasticmapreduce: service('Amazon EMR', {
    createCluster: SYNC,
    terminateCluster: SYNC,
    addStep: SYNC,
    cancelStep: NONE,
    setClusterTerminationProtection: NONE,
    modifyInstanceFleetByName: NONE,
    modifyInstanceGroupByName: NONE,
  }),
  'emr-containers': service('Amazon EMR on EKS', { createVirtualCluster: NONE, deleteVirtualCluster: SYNC, startJobRun: SYNC }),
  'emr-serverless': service('Amazon EMR Serverless', {
    createApplication: SYNC,
    startApplication: SYNC,
    stopApplication: SYNC,
    deleteApplication: SYNC,
    startJobRun: SYNC,
    cancelJobRun: SYNC,
  }),
  events: service('Amazon EventBridge', { putEvents: CALLBACK }),
  glue: service('AWS Glue', { startJobRun: SYNC }),
  databrew: service('AWS Glue DataBrew', { startJobRun: SYNC }),
  http: service('HTTPS endpoints (HTTP Task)', { invoke: CALLBACK }),
  lambda: service('AWS Lambda', { invoke: CALLBACK }),
  mediaconvert: service('AWS Elemental MediaConvert', { createJob: SYNC }),
  sagemaker: service('Amazon SageMaker AI', {
    createEndpoint: NONE,
    createEndpointConfig: NONE,
    createHyperParameterTuningJob: SYNC,
    createLabelingJob: SYNC,
    createModel: NONE,
    createProcessingJob: SYNC,
    createTrainingJob: SYNC,
    createTransformJob: SYNC,
    updateEndpoint: NONE,
  }),
  sns: service('Amazon SNS', { publish: CALLBACK }),
  sqs: service('Amazon SQS', { sendMessage: CALLBACK }),
  states: service('AWS Step Functions', { startExecution: ['.sync', '.sync:2', '.waitForTaskToken'] }),
};

/** Every `<service>:<action>` of the table, for "did you mean". */
export const OPTIMIZED_INTEGRATIONS: readonly string[] = Object.entries(OPTIMIZED_SERVICES).flatMap(([name, s]) =>
  Object.keys(s.actions).map((action) => `${name}:${action}`),
);

/** The suffixes an AWS SDK integration accepts. */
export const SDK_SUFFIXES: readonly IntegrationSuffix[] = ['.waitForTaskToken'];

/** Partitions an ARN may name. */
export const PARTITIONS: readonly string[] = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'];
