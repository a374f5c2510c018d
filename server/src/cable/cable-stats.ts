import { MessageType } from '@shared/cable/protocol.js';

/**
 * What the cable has done in this process, for metrics: plain counters that only grow, bumped
 * where the work happens (one increment each) and read when metrics are scraped.
 */
export class CableStats {
  /** Connections that received a welcome. */
  connectionsOpened = 0;
  /** Frames handed to sockets, of every type (welcome, ping, confirmation, message…). */
  framesTransmitted = 0;
  /** UTF-8 bytes of those frames. */
  bytesTransmitted = 0;
  /** Control frames among them (those with a `type`): the rest are channel messages. */
  controlFramesTransmitted = 0;
  /** `confirm_subscription` frames sent. */
  confirmations = 0;
  /** `reject_subscription` frames sent. */
  rejections = 0;
  /** Clients disconnected because their unsent bytes passed the limit. */
  slowConsumerDisconnects = 0;
  /** Clients disconnected for going over the message rate or the command queue. */
  limitDisconnects = 0;
  /** Remote-disconnect commands this process broadcast (sign-out, token revoked). */
  remoteDisconnectBroadcasts = 0;

  /** Channel messages (`{identifier, message}`) sent: GitLab's single-client transmissions. */
  get messagesTransmitted(): number {
    return this.framesTransmitted - this.controlFramesTransmitted;
  }

  /** Counts a control frame that was handed to its socket. */
  countControlFrame(type: string): void {
    this.controlFramesTransmitted += 1;
    if (type === MessageType.confirmation) this.confirmations += 1;
    else if (type === MessageType.rejection) this.rejections += 1;
  }
}
