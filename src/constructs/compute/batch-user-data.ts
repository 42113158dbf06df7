import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { UserDataContentType, UserDataPart } from './user-data-part';
import { parseUserData } from '../private/mime';

/**
 * MIME multipart user data for AWS Batch launch templates (CE-4): AWS Batch appends its own
 * part, so the document must be multipart, and it is built from `UserDataPart`s.
 *
 * It is an `ec2.MultipartUserData`, so it can be given anywhere CDK takes user data.
 */
export class BatchUserData extends ec2.MultipartUserData {
  /** User data made of the given parts, in order. */
  public static fromParts(parts: UserDataPart[]): BatchUserData {
    const userData = new BatchUserData();
    parts.forEach((part) => userData.addBatchPart(part));
    return userData;
  }

  /**
   * Takes over user data a launch template already has: a multipart document is split into its
   * parts (kept as written, base64 parts included), a plain script or cloud-config becomes one
   * part. Base64 input, as EC2 stores it, is decoded first. Add more parts afterwards.
   */
  public static fromExisting(userData: string): BatchUserData {
    if (cdk.Token.isUnresolved(userData)) {
      throw new Error('BatchUserData.fromExisting: userData is a token; pass the literal text (or an ec2.UserData to fromUserData)');
    }
    const parsed = parseUserData(userData);
    return BatchUserData.fromParts(parsed.parts.map((part) => UserDataPart.of(part.contentType, part.body, part.transferEncoding)));
  }

  /**
   * Takes over an `ec2.UserData` object: when it renders to literal text it is parsed like
   * `fromExisting`; otherwise (it holds tokens) it becomes one base64 shell-script part.
   */
  public static fromUserData(userData: ec2.UserData): BatchUserData {
    const rendered = userData.render();
    if (!cdk.Token.isUnresolved(rendered)) {
      return BatchUserData.fromExisting(rendered);
    }
    const result = new BatchUserData();
    result.addPart(ec2.MultipartBody.fromUserData(userData));
    return result;
  }

  private readonly addedParts: UserDataPart[] = [];
  private commands?: string[];
  private allParts = 0;

  /** The parts added with `addBatchPart` (and by the factories), in order. */
  public get userDataParts(): UserDataPart[] {
    return [...this.addedParts];
  }

  /** How many MIME parts the document has, whichever way they were added. */
  public get partCount(): number {
    return this.allParts;
  }

  /** Appends any MIME part (`addBatchPart` is the usual way). */
  public addPart(part: ec2.MultipartBody): void {
    this.allParts++;
    super.addPart(part);
  }

  /** Appends one part. */
  public addBatchPart(part: UserDataPart): void {
    this.addedParts.push(part);
    this.addPart(part.toMultipartBody());
  }

  /**
   * Shell commands go into one shell-script part (created on first use, rendered as plain
   * text), so code written for plain `ec2.UserData` keeps working.
   */
  public addCommands(...commands: string[]): void {
    if (!this.commands) {
      const lines: string[] = [];
      this.commands = lines;
      this.addPart(ec2.MultipartBody.fromRawBody({
        contentType: UserDataContentType.SHELL_SCRIPT,
        body: cdk.Lazy.string({ produce: () => ['#!/bin/bash', ...lines].join('\n') }),
      }));
    }
    this.commands.push(...commands);
  }
}
