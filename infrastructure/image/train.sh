#!/bin/sh
# The AOT training run at image build: the function in the runtime interface client under Lambda's
# emulator, three invocations of the training event, then the emulator ends. The runtime client then
# exits through the JVM's exit path on its failed /next (on SIGTERM it halts, and no cache would be
# written), and the JVM writes /var/task/function.aot. There is no DynamoDB or S3 at image build: the
# endpoints point at a closed port, so the SDK's request path runs up to a refused connection.
set -eu
export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 AWS_LAMBDA_FUNCTION_MEMORY_SIZE=1024 \
  AWS_ACCESS_KEY_ID=training AWS_SECRET_ACCESS_KEY=training \
  AWS_ENDPOINT_URL=http://127.0.0.1:9 AWS_MAX_ATTEMPTS=1 \
  TABLE_NAME=training IDEMPOTENCY_TABLE_NAME=training REPORTS_BUCKET=training
aws-lambda-rie java @/var/runtime/jvm.options -XX:AOTCacheOutput=/var/task/function.aot \
  com.amazonaws.services.lambda.runtime.api.client.AWSLambda "$(cat /var/runtime/handler)" &
rie=$!
sleep 5
for i in 1 2 3; do
  curl -s -o /dev/null -XPOST http://127.0.0.1:8080/2015-03-31/functions/function/invocations -d @/var/task/training-event.json || true
done
kill -9 "$rie"
for i in $(seq 1 120); do
  [ -f /var/task/function.aot ] && ! pgrep -f AOTCacheOutput >/dev/null && exit 0
  sleep 1
done
echo "train.sh: no AOT cache was written" >&2
exit 1
