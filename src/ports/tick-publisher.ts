/**
 * What the dispatcher needs from a message queue: publish one message per workspace on a topic and learn the IDs
 * the queue gave them. Implemented over the Pub/Sub REST API (src/adapters/pubsub).
 */
export interface TickMessage {
  /** JSON-serialisable payload; the worker validates it again on arrival. */
  data: Record<string, unknown>;
  /** String attributes, for filtering and for reading the logs without decoding the data. */
  attributes: Record<string, string>;
}

export interface TickPublisher {
  /** Publishes all messages in one request, in order; answers their message IDs in the same order. */
  publish(topic: string, messages: TickMessage[]): Promise<string[]>;
}
