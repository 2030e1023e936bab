// Generated from app/api/openapi.generated.json by `pnpm --filter @onego/web openapi`: do not edit.
// biome-ignore-all lint: generated code
export type paths = {
  '/api/applications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The caller’s applications, newest first
     * @description A citizen’s own applications, and those the other parent on the form shared with them (each says which: `relation`). Keyset paginated: pass `next` as `before`.
     */
    get: {
      parameters: {
        query?: {
          before?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              applications: {
                bundle: string;
                children: {
                  index: number;
                  name: string;
                }[];
                completedAt: string | null;
                /** Format: date */
                dueDate: string;
                /** Format: uuid */
                id: string;
                late: boolean;
                /** @enum {string} */
                relation: 'applicant' | 'other-parent';
                /** @enum {string} */
                status: 'in-progress' | 'action-required' | 'completed' | 'withdrawn';
                /** Format: date-time */
                submittedAt: string;
                withdrawnAt: string | null;
              }[];
              next: string | null;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Submit one form for a bundle; the departments’ items start at once
     * @description Called by a signed-in citizen, for themselves: citizens only (403 for clerks, operators and department systems; a clerk at a window uses POST /api/clerk/applications). Validated field by field (400 names each field and reason). With an Idempotency-Key header, the same key returns the same application.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            bundle: 'newborn';
            form: {
              applicant: {
                consent?: {
                  givenBy: string;
                  /** @enum {string} */
                  kind: 'consent' | 'power-of-attorney';
                  reference: string;
                };
                /** @enum {string} */
                role: 'mother' | 'father' | 'guardian';
              };
              children: {
                /** Format: date-time */
                birthDateTime: string;
                birthPlace: {
                  city: string;
                  county: string;
                  province: string;
                };
                ethnicity: string;
                facility: string;
                gestationalWeeks: number;
                /** @enum {string} */
                healthStatus: 'good' | 'fair' | 'poor';
                lengthCm: number;
                name: string;
                /** @enum {string} */
                relationshipToHead: 'son' | 'daughter' | 'grandson' | 'granddaughter' | 'other-relative';
                /** @enum {string} */
                sex: 'male' | 'female';
                weightGrams: number;
              }[];
              father?: {
                ethnicity?: string;
                idNumber: string;
                /** @enum {string} */
                idType:
                  | 'resident-id'
                  | 'hmt-residence-permit'
                  | 'foreign-permanent-resident-id'
                  | 'passport'
                  | 'hk-macao-home-return-permit'
                  | 'taiwan-compatriot-permit';
                name: string;
                nationality: string;
                phone?: string;
              };
              household: {
                address: string;
                headOfHousehold: {
                  idNumber: string;
                  name: string;
                };
                /** @enum {string} */
                registerWith: 'mother' | 'father';
              };
              latePledge?: {
                statement: string;
              };
              marriage: {
                certificateNumber?: string;
                /** @enum {string} */
                status: 'married' | 'unmarried' | 'divorced' | 'widowed';
              };
              medicalInsurance?: {
                /** @enum {string} */
                category: 'urban-rural-resident';
                paymentYear: number;
              };
              missingMaterials?: (
                | 'birth-outside-marriage-statement'
                | 'marriage-certificate'
                | 'parent-identity-document'
                | 'power-of-attorney'
                | 'birth-medical-record'
                | 'other'
              )[];
              mother?: {
                ethnicity?: string;
                idNumber: string;
                /** @enum {string} */
                idType:
                  | 'resident-id'
                  | 'hmt-residence-permit'
                  | 'foreign-permanent-resident-id'
                  | 'passport'
                  | 'hk-macao-home-return-permit'
                  | 'taiwan-compatriot-permit';
                name: string;
                nationality: string;
                phone?: string;
              };
              residentialAddress: string;
              socialSecurityCard?: {
                bank: string;
                mailingAddress: string;
              };
            };
            items: (
              | 'birth-certificate'
              | 'household-registration'
              | 'medical-insurance-enrolment'
              | 'social-security-card'
              | 'vaccination-certificate'
              | 'child-health-handbook'
            )[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              status: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/applications/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One application with every item’s state
     * @description Its applicant, or the other parent on the form while the applicant’s consent stands (read only). Anyone else gets 404, as for an application that does not exist.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              bundle: string;
              children: {
                index: number;
                name: string;
              }[];
              completedAt: string | null;
              /** Format: date */
              dueDate: string;
              /** Format: uuid */
              id: string;
              items: {
                attempt: number;
                cancelledAt: string | null;
                certificateId: string | null;
                childIndex: number;
                childName: string;
                completedAt: string | null;
                decidedAt: string | null;
                delayed: boolean;
                /** @enum {string} */
                department:
                  | 'health'
                  | 'public-security'
                  | 'medical-insurance'
                  | 'social-security'
                  | 'cdc'
                  | 'maternal-child-health';
                dependsOn: (
                  | 'birth-certificate'
                  | 'household-registration'
                  | 'medical-insurance-enrolment'
                  | 'social-security-card'
                  | 'vaccination-certificate'
                  | 'child-health-handbook'
                )[];
                /** Format: date */
                dueDate: string;
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                itemKey:
                  | 'birth-certificate'
                  | 'household-registration'
                  | 'medical-insurance-enrolment'
                  | 'social-security-card'
                  | 'vaccination-certificate'
                  | 'child-health-handbook';
                materials: {
                  /** @enum {string} */
                  code:
                    | 'birth-outside-marriage-statement'
                    | 'marriage-certificate'
                    | 'parent-identity-document'
                    | 'power-of-attorney'
                    | 'birth-medical-record'
                    | 'other';
                  /** Format: date */
                  dueDate: string;
                  note: string;
                  supplied: boolean;
                }[];
                name: {
                  en: string;
                  zh: string;
                };
                outputs: {
                  [key: string]: unknown;
                } | null;
                overdue: boolean;
                reason: {
                  code: string;
                  message: string;
                } | null;
                requestedAt: string | null;
                /** @enum {string} */
                status:
                  | 'waiting'
                  | 'awaiting-materials'
                  | 'requested'
                  | 'approved'
                  | 'completed'
                  | 'rejected'
                  | 'cancelled';
              }[];
              late: boolean;
              /** @enum {string} */
              relation: 'applicant' | 'other-parent';
              /** @enum {string} */
              status: 'in-progress' | 'action-required' | 'completed' | 'withdrawn';
              /** Format: date-time */
              submittedAt: string;
              withdrawnAt: string | null;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/applications/{id}/certificates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every certificate of the caller’s application, with its status
     * @description All versions: a corrected certificate appears as version 2, its first version revoked. 404 until the first certificate is issued.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              applicationId: string;
              certificates: {
                /** Format: uuid */
                applicationId: string;
                /** @enum {string} */
                certificateType:
                  | 'birth-medical-certificate'
                  | 'household-registration-record'
                  | 'medical-insurance-enrolment-voucher'
                  | 'vaccination-certificate'
                  | 'child-health-handbook';
                childIndex: number;
                /** @description W3C Verifiable Credential 2.0 secured as a compact JWS (application/vc+jwt) */
                credential: string;
                /** @enum {string} */
                department:
                  | 'health'
                  | 'public-security'
                  | 'medical-insurance'
                  | 'social-security'
                  | 'cdc'
                  | 'maternal-child-health';
                /** @description GB/T 36904 e-certificate identifier */
                id: string;
                /** Format: date-time */
                issuedAt: string;
                /** Format: uuid */
                itemId: string;
                /** @enum {string} */
                itemKey:
                  | 'birth-certificate'
                  | 'household-registration'
                  | 'medical-insurance-enrolment'
                  | 'social-security-card'
                  | 'vaccination-certificate'
                  | 'child-health-handbook';
                /** @enum {string} */
                status: 'valid' | 'revoked' | 'suspended';
                /** @description GB/T 36904 version: 2 and up are corrected reissues */
                version: number;
              }[];
              download: {
                presentation: string;
                zip: string;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/applications/{id}/certificates/download': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One zip with every valid certificate: each credential (.vc.jwt), its printable PDF, and the presentation */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': unknown;
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/applications/{id}/certificates/presentation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The application’s valid certificates in one Verifiable Presentation (application/vp)
     * @description An unsigned presentation of EnvelopedVerifiableCredentials: each credential keeps its department’s signature.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A VerifiablePresentation (JSON-LD) of EnvelopedVerifiableCredentials */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': unknown;
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/applications/{id}/consents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Let the other parent on the form see this application (read only)
     * @description Called by the applicant (a signed-in citizen who is the mother or the father on the form). The other parent sees the application once they sign in with the identity document the form names; they cannot change it. 201 with the new consent; 200 with the standing one when already granted. 422 names `grantee` when the applicant is not a parent on the form or the form names no other parent; 404 for anyone but the applicant.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            grantee: 'other-parent';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              application: {
                bundle: string;
                /** Format: uuid */
                id: string;
              };
              /** Format: date-time */
              grantedAt: string;
              /** @enum {string} */
              grantee: 'other-parent';
              /** @enum {string} */
              grantor: 'mother' | 'father';
              /** Format: uuid */
              id: string;
              /** @enum {string} */
              kind: 'other-parent';
              /** @enum {string} */
              party: 'mother' | 'father';
              purpose: string;
              revokedAt: string | null;
              /** @enum {string} */
              role: 'granted-by-you' | 'granted-to-you';
              /** @enum {string} */
              state: 'granted' | 'revoked';
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              application: {
                bundle: string;
                /** Format: uuid */
                id: string;
              };
              /** Format: date-time */
              grantedAt: string;
              /** @enum {string} */
              grantee: 'other-parent';
              /** @enum {string} */
              grantor: 'mother' | 'father';
              /** Format: uuid */
              id: string;
              /** @enum {string} */
              kind: 'other-parent';
              /** @enum {string} */
              party: 'mother' | 'father';
              purpose: string;
              revokedAt: string | null;
              /** @enum {string} */
              role: 'granted-by-you' | 'granted-to-you';
              /** @enum {string} */
              state: 'granted' | 'revoked';
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/applications/{id}/consents/{consentId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Take back the other parent’s access to this application
     * @description Called by the applicant. Their access ends at once. 204 also when it was already revoked; 404 for an unknown consent or anyone but the applicant.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          consentId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/applications/{id}/items/{itemKey}/resubmit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Correct a rejected item’s data and send it to its department again
     * @description Only the fields the item’s department sees may be corrected (`child` is the child the item is for; `guardian` the mother, or the father when there is none). The corrected form is validated in full.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          itemKey:
            | 'birth-certificate'
            | 'household-registration'
            | 'medical-insurance-enrolment'
            | 'social-security-card'
            | 'vaccination-certificate'
            | 'child-health-handbook';
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @default 0 */
            childIndex?: number;
            corrections: {
              child?: {
                [key: string]: unknown;
              };
              father?: {
                [key: string]: unknown;
              };
              guardian?: {
                [key: string]: unknown;
              };
              household?: {
                [key: string]: unknown;
              };
              marriage?: {
                [key: string]: unknown;
              };
              medicalInsurance?: {
                [key: string]: unknown;
              };
              mother?: {
                [key: string]: unknown;
              };
              residentialAddress?: string;
              socialSecurityCard?: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              bundle: string;
              children: {
                index: number;
                name: string;
              }[];
              completedAt: string | null;
              /** Format: date */
              dueDate: string;
              /** Format: uuid */
              id: string;
              items: {
                attempt: number;
                cancelledAt: string | null;
                certificateId: string | null;
                childIndex: number;
                childName: string;
                completedAt: string | null;
                decidedAt: string | null;
                delayed: boolean;
                /** @enum {string} */
                department:
                  | 'health'
                  | 'public-security'
                  | 'medical-insurance'
                  | 'social-security'
                  | 'cdc'
                  | 'maternal-child-health';
                dependsOn: (
                  | 'birth-certificate'
                  | 'household-registration'
                  | 'medical-insurance-enrolment'
                  | 'social-security-card'
                  | 'vaccination-certificate'
                  | 'child-health-handbook'
                )[];
                /** Format: date */
                dueDate: string;
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                itemKey:
                  | 'birth-certificate'
                  | 'household-registration'
                  | 'medical-insurance-enrolment'
                  | 'social-security-card'
                  | 'vaccination-certificate'
                  | 'child-health-handbook';
                materials: {
                  /** @enum {string} */
                  code:
                    | 'birth-outside-marriage-statement'
                    | 'marriage-certificate'
                    | 'parent-identity-document'
                    | 'power-of-attorney'
                    | 'birth-medical-record'
                    | 'other';
                  /** Format: date */
                  dueDate: string;
                  note: string;
                  supplied: boolean;
                }[];
                name: {
                  en: string;
                  zh: string;
                };
                outputs: {
                  [key: string]: unknown;
                } | null;
                overdue: boolean;
                reason: {
                  code: string;
                  message: string;
                } | null;
                requestedAt: string | null;
                /** @enum {string} */
                status:
                  | 'waiting'
                  | 'awaiting-materials'
                  | 'requested'
                  | 'approved'
                  | 'completed'
                  | 'rejected'
                  | 'cancelled';
              }[];
              late: boolean;
              /** @enum {string} */
              status: 'in-progress' | 'action-required' | 'completed' | 'withdrawn';
              /** Format: date-time */
              submittedAt: string;
              withdrawnAt: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/applications/{id}/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Follow an application live (server-sent events): its view, again whenever it changes
     * @description text/event-stream. `event: application` carries the same JSON as GET /api/applications/{id}; comments keep the connection alive; `event: closed` ends it when the caller may no longer read the application. At most 5 open streams per caller (429).
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/applications/{id}/materials': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Supply a missing material: a file (multipart: code, file[, childIndex, itemKey]) or { code, certificateId }
     * @description multipart/form-data with fields `code` and `file` (PDF, JPEG or PNG, at most 5 MB), or JSON `{ code, certificateId }` referring to one of your e-certificates. Optional `childIndex`/`itemKey` narrow which waiting item it is for.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/applications/{id}/rating': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Rate a completed application 1-5 (好差评); 1-2 opens a follow-up by an operator */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            comment?: string;
            score: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              followUp: boolean;
              score: number;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/applications/{id}/withdraw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Withdraw the application: items in progress are cancelled at their departments
     * @description Issued certificates follow each item’s rule (see GET /api/bundles/{key}: onWithdrawal): facts that stay true are kept; the medical-insurance enrolment voucher is revoked. Withdrawing twice answers the same.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              bundle: string;
              children: {
                index: number;
                name: string;
              }[];
              completedAt: string | null;
              /** Format: date */
              dueDate: string;
              /** Format: uuid */
              id: string;
              items: {
                attempt: number;
                cancelledAt: string | null;
                certificateId: string | null;
                childIndex: number;
                childName: string;
                completedAt: string | null;
                decidedAt: string | null;
                delayed: boolean;
                /** @enum {string} */
                department:
                  | 'health'
                  | 'public-security'
                  | 'medical-insurance'
                  | 'social-security'
                  | 'cdc'
                  | 'maternal-child-health';
                dependsOn: (
                  | 'birth-certificate'
                  | 'household-registration'
                  | 'medical-insurance-enrolment'
                  | 'social-security-card'
                  | 'vaccination-certificate'
                  | 'child-health-handbook'
                )[];
                /** Format: date */
                dueDate: string;
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                itemKey:
                  | 'birth-certificate'
                  | 'household-registration'
                  | 'medical-insurance-enrolment'
                  | 'social-security-card'
                  | 'vaccination-certificate'
                  | 'child-health-handbook';
                materials: {
                  /** @enum {string} */
                  code:
                    | 'birth-outside-marriage-statement'
                    | 'marriage-certificate'
                    | 'parent-identity-document'
                    | 'power-of-attorney'
                    | 'birth-medical-record'
                    | 'other';
                  /** Format: date */
                  dueDate: string;
                  note: string;
                  supplied: boolean;
                }[];
                name: {
                  en: string;
                  zh: string;
                };
                outputs: {
                  [key: string]: unknown;
                } | null;
                overdue: boolean;
                reason: {
                  code: string;
                  message: string;
                } | null;
                requestedAt: string | null;
                /** @enum {string} */
                status:
                  | 'waiting'
                  | 'awaiting-materials'
                  | 'requested'
                  | 'approved'
                  | 'completed'
                  | 'rejected'
                  | 'cancelled';
              }[];
              late: boolean;
              /** @enum {string} */
              status: 'in-progress' | 'action-required' | 'completed' | 'withdrawn';
              /** Format: date-time */
              submittedAt: string;
              withdrawnAt: string | null;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bundles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The bundles citizens can apply for */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              bundles: {
                key: string;
                name: {
                  en: string;
                  zh: string;
                };
                summary: {
                  en: string;
                  zh: string;
                };
                timeLimitWorkingDays: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bundles/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One bundle: its items, departments, dependencies, time limit and one-time notice */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                certificate: string | null;
                department: string;
                departmentName: {
                  en: string;
                  zh: string;
                };
                dependsOn: string[];
                expectedTurnaroundMinutes: number;
                key: string;
                name: {
                  en: string;
                  zh: string;
                };
                /** @enum {string} */
                onWithdrawal: 'keep' | 'revoke';
                optional: boolean;
                outputs: {
                  en: string;
                  zh: string;
                };
                statutoryWindow: {
                  en: string;
                  zh: string;
                };
              }[];
              key: string;
              materials: {
                code: string;
                deadlineWorkingDays: number;
                declarableAtSubmission: boolean;
                item: string;
                name: {
                  en: string;
                  zh: string;
                };
              }[];
              name: {
                en: string;
                zh: string;
              };
              notice: {
                conditions: {
                  en: string;
                  zh: string;
                }[];
                fees: {
                  en: string;
                  zh: string;
                };
                materials: {
                  canBeSuppliedLater: boolean;
                  name: {
                    en: string;
                    zh: string;
                  };
                  note: {
                    en: string;
                    zh: string;
                  };
                }[];
                steps: {
                  en: string;
                  zh: string;
                }[];
                timeLimit: {
                  en: string;
                  zh: string;
                };
                whereToAsk: {
                  en: string;
                  zh: string;
                }[];
                whereToComplain: {
                  en: string;
                  zh: string;
                }[];
              };
              summary: {
                en: string;
                zh: string;
              };
              timeLimitWorkingDays: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/certificates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The caller’s e-certificates for one application
     * @description Only certificates of applications the caller submitted; for anyone else’s application the list is empty.
     */
    get: {
      parameters: {
        query: {
          applicationId: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              certificates: {
                /** Format: uuid */
                applicationId: string;
                /** @enum {string} */
                certificateType:
                  | 'birth-medical-certificate'
                  | 'household-registration-record'
                  | 'medical-insurance-enrolment-voucher'
                  | 'vaccination-certificate'
                  | 'child-health-handbook';
                childIndex: number;
                /** @description W3C Verifiable Credential 2.0 secured as a compact JWS (application/vc+jwt) */
                credential: string;
                /** @enum {string} */
                department:
                  | 'health'
                  | 'public-security'
                  | 'medical-insurance'
                  | 'social-security'
                  | 'cdc'
                  | 'maternal-child-health';
                /** @description GB/T 36904 e-certificate identifier */
                id: string;
                /** Format: date-time */
                issuedAt: string;
                /** Format: uuid */
                itemId: string;
                /** @enum {string} */
                itemKey:
                  | 'birth-certificate'
                  | 'household-registration'
                  | 'medical-insurance-enrolment'
                  | 'social-security-card'
                  | 'vaccination-certificate'
                  | 'child-health-handbook';
                /** @enum {string} */
                status: 'valid' | 'revoked' | 'suspended';
                /** @description GB/T 36904 version: 2 and up are corrected reissues */
                version: number;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/certificates/{id}/print.html': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A certificate as a printable HTML page (facts and QR code) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description GB/T 36904 e-certificate identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': unknown;
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/certificates/{id}/print.pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A certificate as a printable PDF (facts and QR code) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description GB/T 36904 e-certificate identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': unknown;
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/certificates/{id}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revoke a certificate (final): its bit is set in the revocation list, re-signed */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description GB/T 36904 e-certificate identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Why: kept on record, not published */
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description false when it was already so */
              changed: boolean;
              id: string;
              /** @enum {string} */
              status: 'valid' | 'revoked' | 'suspended';
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/certificates/{id}/suspend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Suspend a certificate until it is unsuspended */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description GB/T 36904 e-certificate identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Why: kept on record, not published */
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description false when it was already so */
              changed: boolean;
              id: string;
              /** @enum {string} */
              status: 'valid' | 'revoked' | 'suspended';
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/certificates/{id}/unsuspend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Lift a certificate’s suspension */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description GB/T 36904 e-certificate identifier */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Why: kept on record, not published */
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description false when it was already so */
              changed: boolean;
              id: string;
              /** @enum {string} */
              status: 'valid' | 'revoked' | 'suspended';
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/certificates/issuers/{department}/did.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A department’s DID document (did:web): its keys as assertion methods
     * @description did:web:<host>:api:certificates:issuers:<department> resolves here. Each key is a JsonWebKey verification method whose id is the `kid` of the credentials it signed.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          department: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              assertionMethod: string[];
              id: string;
              verificationMethod: ({
                id: string;
                /** @enum {string} */
                type: 'JsonWebKey';
              } & {
                [key: string]: unknown;
              })[];
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/certificates/issuers/{department}/jwks.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A department’s public signing keys (JWKS), to verify its e-certificates */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          department: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              keys: ({
                /** @enum {string} */
                alg: 'EdDSA';
                /** @description DID URL <issuer DID>#<RFC 7638 thumbprint>: the `kid` of what it signed */
                kid: string;
                /** @enum {string} */
                use: 'sig';
              } & {
                [key: string]: unknown;
              })[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/certificates/issuers/{department}/keys/rotate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Rotate a department’s signing key: the active key is retired (still published), a new one signs from now on */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          department: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description kid (DID URL) of the new key */
              active: string;
              retired: string | null;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/certificates/issuers/{department}/status-lists/{list}/{purpose}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A signed Bitstring Status List credential (application/vc+jwt)
     * @description 131,072 entries, GZIP-compressed, multibase base64url (Bitstring Status List v1.0). Re-signed whenever a certificate in it is revoked, suspended or unsuspended; cacheable for 60 s (its ttl).
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          department: string;
          list: number;
          purpose: 'revocation' | 'suspension';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/certificates/schemas/{type}.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The JSON Schema (2020-12) of one certificate type’s credential */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          type: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/certificates/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Verify an e-certificate: signature, issuer, validity, status and schema
     * @description Public. Send the credential as application/vc+jwt or text/plain (what its QR code holds), as JSON { "credential": "…" }, or as an EnvelopedVerifiableCredential. Each check says passed, failed (with the reason) or skipped. The status is read from the issuer’s signed Bitstring Status Lists, as any verifier would. Rate-limited per client address.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json':
            | string
            | {
                /** @description A compact JWS (application/vc+jwt) */
                credential: string;
              }
            | ({
                id: string;
                type: string | string[];
              } & {
                [key: string]: unknown;
              });
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              checks: {
                /** @enum {string} */
                check: 'format' | 'issuer' | 'signature' | 'validity' | 'status' | 'schema';
                /** @enum {string} */
                outcome: 'passed' | 'failed' | 'skipped';
                reason?: string;
              }[];
              credentialId: string | null;
              issuer: string | null;
              status: {
                purpose: string;
                /** @description the bit in the published list: set means revoked or suspended */
                set: boolean;
                statusListCredential: string;
                statusListIndex: string;
              }[];
              /** @description true only when every check passed */
              verified: boolean;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/clerk/applications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The applications this clerk started for citizens, newest first
     * @description Clerks only (403 for anyone else). Children’s names masked. Keyset paginated: pass `next` as `before`.
     */
    get: {
      parameters: {
        query?: {
          before?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              applications: {
                applicant: {
                  /** Format: uuid */
                  citizenId: string;
                  /** @enum {string} */
                  party: 'mother' | 'father';
                };
                bundle: string;
                /** @description masked */
                children: string[];
                completedAt: string | null;
                consent: {
                  /** Format: uuid */
                  id: string;
                  /** @enum {string} */
                  kind: 'clerk-assisted';
                  /** @enum {string} */
                  method: 'signed-form' | 'in-person-identity-check';
                  purpose: string;
                  /** Format: date-time */
                  recordedAt: string;
                };
                /** Format: date */
                dueDate: string;
                /** Format: uuid */
                id: string;
                region: string;
                status: string;
                /** Format: date-time */
                submittedAt: string;
                withdrawnAt: string | null;
              }[];
              next: string | null;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Apply for a citizen at a service-centre window (帮代办), with their consent recorded
     * @description Clerks only (403 for citizens, operators and department systems). `applicant` is the parent on the form the application is for: they must have a OneGo account (422 naming `applicant` otherwise). `submission` is validated exactly as POST /api/applications (400 names each field as `submission.…`). The consent (how it was given, what the citizen said, the paper form’s number) is recorded with the clerk and their region, and the citizen sees it in GET /api/consents. An Idempotency-Key header makes a retry return the same application.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            applicant: 'mother' | 'father';
            consent: {
              /** @enum {string} */
              method: 'signed-form' | 'in-person-identity-check';
              reference?: string;
              statement: string;
            };
            submission: {
              /** @enum {string} */
              bundle: 'newborn';
              form: {
                applicant: {
                  consent?: {
                    givenBy: string;
                    /** @enum {string} */
                    kind: 'consent' | 'power-of-attorney';
                    reference: string;
                  };
                  /** @enum {string} */
                  role: 'mother' | 'father' | 'guardian';
                };
                children: {
                  /** Format: date-time */
                  birthDateTime: string;
                  birthPlace: {
                    city: string;
                    county: string;
                    province: string;
                  };
                  ethnicity: string;
                  facility: string;
                  gestationalWeeks: number;
                  /** @enum {string} */
                  healthStatus: 'good' | 'fair' | 'poor';
                  lengthCm: number;
                  name: string;
                  /** @enum {string} */
                  relationshipToHead: 'son' | 'daughter' | 'grandson' | 'granddaughter' | 'other-relative';
                  /** @enum {string} */
                  sex: 'male' | 'female';
                  weightGrams: number;
                }[];
                father?: {
                  ethnicity?: string;
                  idNumber: string;
                  /** @enum {string} */
                  idType:
                    | 'resident-id'
                    | 'hmt-residence-permit'
                    | 'foreign-permanent-resident-id'
                    | 'passport'
                    | 'hk-macao-home-return-permit'
                    | 'taiwan-compatriot-permit';
                  name: string;
                  nationality: string;
                  phone?: string;
                };
                household: {
                  address: string;
                  headOfHousehold: {
                    idNumber: string;
                    name: string;
                  };
                  /** @enum {string} */
                  registerWith: 'mother' | 'father';
                };
                latePledge?: {
                  statement: string;
                };
                marriage: {
                  certificateNumber?: string;
                  /** @enum {string} */
                  status: 'married' | 'unmarried' | 'divorced' | 'widowed';
                };
                medicalInsurance?: {
                  /** @enum {string} */
                  category: 'urban-rural-resident';
                  paymentYear: number;
                };
                missingMaterials?: (
                  | 'birth-outside-marriage-statement'
                  | 'marriage-certificate'
                  | 'parent-identity-document'
                  | 'power-of-attorney'
                  | 'birth-medical-record'
                  | 'other'
                )[];
                mother?: {
                  ethnicity?: string;
                  idNumber: string;
                  /** @enum {string} */
                  idType:
                    | 'resident-id'
                    | 'hmt-residence-permit'
                    | 'foreign-permanent-resident-id'
                    | 'passport'
                    | 'hk-macao-home-return-permit'
                    | 'taiwan-compatriot-permit';
                  name: string;
                  nationality: string;
                  phone?: string;
                };
                residentialAddress: string;
                socialSecurityCard?: {
                  bank: string;
                  mailingAddress: string;
                };
              };
              items: (
                | 'birth-certificate'
                | 'household-registration'
                | 'medical-insurance-enrolment'
                | 'social-security-card'
                | 'vaccination-certificate'
                | 'child-health-handbook'
              )[];
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              applicant: {
                /** Format: uuid */
                citizenId: string;
                nameMasked: string;
                /** @enum {string} */
                party: 'mother' | 'father';
              };
              consent: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: 'clerk-assisted';
                /** @enum {string} */
                method: 'signed-form' | 'in-person-identity-check';
                purpose: string;
                /** Format: date-time */
                recordedAt: string;
              };
              /** Format: uuid */
              id: string;
              status: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/consents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every consent concerning the signed-in citizen, newest first
     * @description Citizens only (403 for staff and department systems). Consents they granted to the other parent (granted or revoked), consents the other parent granted to them, and consents service-centre clerks recorded on their behalf (帮代办: who, when, for what, how).
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              consents: (
                | {
                    application: {
                      bundle: string;
                      /** Format: uuid */
                      id: string;
                    };
                    /** Format: date-time */
                    grantedAt: string;
                    /** @enum {string} */
                    grantee: 'other-parent';
                    /** @enum {string} */
                    grantor: 'mother' | 'father';
                    /** Format: uuid */
                    id: string;
                    /** @enum {string} */
                    kind: 'other-parent';
                    /** @enum {string} */
                    party: 'mother' | 'father';
                    purpose: string;
                    revokedAt: string | null;
                    /** @enum {string} */
                    role: 'granted-by-you' | 'granted-to-you';
                    /** @enum {string} */
                    state: 'granted' | 'revoked';
                  }
                | {
                    /** @enum {string} */
                    applicant: 'mother' | 'father';
                    application: {
                      bundle: string;
                      /** Format: uuid */
                      id: string;
                    };
                    clerk: {
                      /** Format: uuid */
                      id: string;
                      name: string;
                      region: string | null;
                    };
                    /** Format: uuid */
                    id: string;
                    /** @enum {string} */
                    kind: 'clerk-assisted';
                    /** @enum {string} */
                    method: 'signed-form' | 'in-person-identity-check';
                    purpose: string;
                    /** Format: date-time */
                    recordedAt: string;
                    reference: string | null;
                    statement: string;
                  }
              )[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/departments/{department}/cases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The department’s cases: open (waiting for its decision) or decided, newest first */
    get: {
      parameters: {
        query?: {
          before?: string;
          limit?: number;
          status?: 'open' | 'decided';
        };
        header?: never;
        path: {
          department:
            | 'health'
            | 'public-security'
            | 'medical-insurance'
            | 'social-security'
            | 'cdc'
            | 'maternal-child-health';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cases: {
                attempt: number;
                cancelledAt: string | null;
                caseRef: string;
                decidedAt: string | null;
                /** @enum {string} */
                itemKey:
                  | 'birth-certificate'
                  | 'household-registration'
                  | 'medical-insurance-enrolment'
                  | 'social-security-card'
                  | 'vaccination-certificate'
                  | 'child-health-handbook';
                outcome: string | null;
                /** Format: date-time */
                requestedAt: string;
                /** @enum {string} */
                transport: 'nats' | 'http';
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/departments/{department}/cases/{caseRef}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of the department’s cases, by its case reference */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          caseRef: string;
          department:
            | 'health'
            | 'public-security'
            | 'medical-insurance'
            | 'social-security'
            | 'cdc'
            | 'maternal-child-health';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              attempt: number;
              cancelledAt: string | null;
              caseRef: string;
              decidedAt: string | null;
              /** @enum {string} */
              itemKey:
                | 'birth-certificate'
                | 'household-registration'
                | 'medical-insurance-enrolment'
                | 'social-security-card'
                | 'vaccination-certificate'
                | 'child-health-handbook';
              outcome: string | null;
              /** Format: date-time */
              requestedAt: string;
              /** @enum {string} */
              transport: 'nats' | 'http';
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/identity/.well-known/jwks.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The public keys that verify access tokens: the next (after a rotation), the current, the recently retired */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              keys: {
                /** @enum {string} */
                alg: 'EdDSA';
                /** @enum {string} */
                crv: 'Ed25519';
                kid: string;
                /** @enum {string} */
                kty: 'OKP';
                /** @enum {string} */
                use: 'sig';
                x: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/identity/.well-known/openid-configuration': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** OpenID Connect discovery / OAuth 2.0 authorization server metadata (RFC 8414) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              access_token_signing_alg_values_supported: string[];
              claims_supported: string[];
              grant_types_supported: string[];
              id_token_signing_alg_values_supported: string[];
              issuer: string;
              jwks_uri: string;
              response_types_supported: string[];
              revoked_sessions_endpoint: string;
              scopes_supported: string[];
              service_documentation: string;
              subject_types_supported: string[];
              token_endpoint: string;
              token_endpoint_auth_methods_supported: string[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/identity/citizens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Register a citizen account with an identity document and a password
     * @description Anyone may call it. Any document of ID_DOCUMENT_TYPES (a mainland resident ID when idType is absent), its number checked by its type’s rule. One account per document type and number (409 when already registered). The number and phone are stored encrypted. Limited per client address.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The number as printed on the document, uppercase letters and digits */
            idNumber: string;
            /**
             * @description The identity document; a mainland resident ID when absent
             * @default resident-id
             * @enum {string}
             */
            idType?:
              | 'resident-id'
              | 'hmt-residence-permit'
              | 'foreign-permanent-resident-id'
              | 'passport'
              | 'hk-macao-home-return-permit'
              | 'taiwan-compatriot-permit';
            name: string;
            password: string;
            phone: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              idNumberMasked: string;
              /** @enum {string} */
              idType:
                | 'resident-id'
                | 'hmt-residence-permit'
                | 'foreign-permanent-resident-id'
                | 'passport'
                | 'hk-macao-home-return-permit'
                | 'taiwan-compatriot-permit';
              name: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/identity/citizens/lookup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Find a citizen’s account by their identity document (clerks)
     * @description Clerks only (403 for citizens, operators and department systems), to act for a citizen at a service-centre window. A POST so that the number appears in no URL or access log; the answer masks it. 404 when no account has this document. Each lookup is logged with the clerk and the masked number. Limited per client address.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The number as printed on the document, uppercase letters and digits */
            idNumber: string;
            /**
             * @description The identity document; a mainland resident ID when absent
             * @default resident-id
             * @enum {string}
             */
            idType?:
              | 'resident-id'
              | 'hmt-residence-permit'
              | 'foreign-permanent-resident-id'
              | 'passport'
              | 'hk-macao-home-return-permit'
              | 'taiwan-compatriot-permit';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * Format: uuid
               * @description The citizen’s account id: the `sub` of their access tokens
               */
              id: string;
              idNumberMasked: string;
              name: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/identity/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Exchange a citizen’s identity document and password for a bearer access token (scope citizen)
     * @description Anyone may call it. The document as registered: idType (a mainland resident ID when absent) and idNumber. An unknown document and a wrong password get the same 401, after the same hashing work. Limited per client address, and per account: after 5 failures in 15 minutes the account is refused (429, Retry-After) from any address. 503 when the account’s stored data cannot be read (operators are alerted).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The number as printed on the document, uppercase letters and digits */
            idNumber: string;
            /**
             * @description The identity document; a mainland resident ID when absent
             * @default resident-id
             * @enum {string}
             */
            idType?:
              | 'resident-id'
              | 'hmt-residence-permit'
              | 'foreign-permanent-resident-id'
              | 'passport'
              | 'hk-macao-home-return-permit'
              | 'taiwan-compatriot-permit';
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              accessToken: string;
              expiresIn: number;
              scope: string;
              /** @enum {string} */
              tokenType: 'Bearer';
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/identity/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * End the caller’s session: its access token is refused everywhere from now on
     * @description Identity refuses the token at once; other services within their revocation polling interval (5 s by default).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': Record<string, never> | null;
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/identity/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The signed-in account: a citizen (identifiers masked), a staff member, or a department system
     * @description Any signed-in caller: their own account.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json':
              | {
                  /** Format: uuid */
                  id: string;
                  idNumberMasked: string;
                  /** @enum {string} */
                  idType:
                    | 'resident-id'
                    | 'hmt-residence-permit'
                    | 'foreign-permanent-resident-id'
                    | 'passport'
                    | 'hk-macao-home-return-permit'
                    | 'taiwan-compatriot-permit';
                  name: string;
                  phoneMasked: string;
                }
              | {
                  /** Format: uuid */
                  id: string;
                  name: string;
                  region: string;
                  /** @enum {string} */
                  role: 'clerk' | 'operator';
                  username: string;
                }
              | {
                  clientId: string;
                  department: string;
                  scopes: string[];
                };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/identity/me/document': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The signed-in citizen’s identity document, name and phone, in full
     * @description Citizens only, for themselves (403 for clerks, operators and department systems): to prefill a form, or for a service to learn who its caller is with the caller’s own token. Answered with Cache-Control: no-store. 503 when the account’s stored data cannot be read (operators are alerted).
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              idNumber: string;
              /** @enum {string} */
              idType:
                | 'resident-id'
                | 'hmt-residence-permit'
                | 'foreign-permanent-resident-id'
                | 'passport'
                | 'hk-macao-home-return-permit'
                | 'taiwan-compatriot-permit';
              name: string;
              phone: string;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/identity/oauth/token': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * OAuth 2.0 token endpoint: client credentials for department systems (RFC 6749 §4.4)
     * @description Form-encoded. Client authentication: HTTP Basic (client_secret_basic) or client_id and client_secret in the body (client_secret_post), not both. Errors as RFC 6749 §5.2; invalid_client is a 401 with a Basic challenge.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/x-www-form-urlencoded': {
            /** @description client_secret_post only */
            client_id?: string;
            /** @description client_secret_post only */
            client_secret?: string;
            /** @description client_credentials */
            grant_type?: string;
            /** @description Space-separated; default: every scope the client is allowed */
            scope?: string;
          } & {
            [key: string]: unknown;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              access_token: string;
              expires_in: number;
              scope: string;
              /** @enum {string} */
              token_type: 'Bearer';
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              error:
                | 'invalid_request'
                | 'invalid_client'
                | 'invalid_grant'
                | 'unauthorized_client'
                | 'unsupported_grant_type'
                | 'invalid_scope'
                | 'server_error'
                | 'temporarily_unavailable';
              error_description?: string;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              error:
                | 'invalid_request'
                | 'invalid_client'
                | 'invalid_grant'
                | 'unauthorized_client'
                | 'unsupported_grant_type'
                | 'invalid_scope'
                | 'server_error'
                | 'temporarily_unavailable';
              error_description?: string;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              error:
                | 'invalid_request'
                | 'invalid_client'
                | 'invalid_grant'
                | 'unauthorized_client'
                | 'unsupported_grant_type'
                | 'invalid_scope'
                | 'server_error'
                | 'temporarily_unavailable';
              error_description?: string;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              error:
                | 'invalid_request'
                | 'invalid_client'
                | 'invalid_grant'
                | 'unauthorized_client'
                | 'unsupported_grant_type'
                | 'invalid_scope'
                | 'server_error'
                | 'temporarily_unavailable';
              error_description?: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/identity/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An account’s sessions that have not expired, newest first (operators) */
    get: {
      parameters: {
        query: {
          subject: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              sessions: {
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                expiresAt: string;
                /** Format: uuid */
                id: string;
                revocationReason: string | null;
                revokedAt: string | null;
                revokedBy: string | null;
                scope: string;
                subject: string;
                /** @enum {string} */
                subjectType: 'citizen' | 'staff' | 'client';
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/identity/sessions/{sessionId}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Revoke a session: its access token is refused everywhere (operators)
     * @description Identity refuses it at once; other services within their polling interval. Revoking twice keeps the first revocation.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          sessionId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              expiresAt: string;
              /** Format: uuid */
              id: string;
              revocationReason: string | null;
              revokedAt: string | null;
              revokedBy: string | null;
              scope: string;
              subject: string;
              /** @enum {string} */
              subjectType: 'citizen' | 'staff' | 'client';
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/identity/sessions/revoked': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Revoked sessions whose access tokens have not expired: every verifier refuses these `sid`s
     * @description Polled by each service’s token verifier (@onego/http createTokenVerifier, every 5 s by default). Send If-None-Match to get 304 when unchanged.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              sessions: string[];
            };
          };
        };
        /** @description Unchanged since the ETag given */
        304: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/identity/staff/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign a clerk or operator in: a bearer access token with their role as scope and their region
     * @description Staff accounts are made by the admin tool (or the development seed). Same protections as citizen sign-in: one 401 for every wrong combination, limits per address and per account.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            password: string;
            username: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              accessToken: string;
              expiresIn: number;
              scope: string;
              /** @enum {string} */
              tokenType: 'Bearer';
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              issues?: {
                message: string;
                path: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/materials/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A supplied material, for the department deciding the item (signed, expiring link) */
    get: {
      parameters: {
        query: {
          expires: number;
          signature: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/operator/applications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Search flows: by bundle, status, department holding them, deadline, region, dates (newest first) */
    get: {
      parameters: {
        query?: {
          bundle?: string;
          cursor?: string;
          deadline?: 'overdue' | 'due-today';
          /** @description only flows with an item held at this department */
          department?:
            | 'health'
            | 'public-security'
            | 'medical-insurance'
            | 'social-security'
            | 'cdc'
            | 'maternal-child-health';
          from?: string;
          limit?: number;
          region?: string;
          status?: 'in-progress' | 'action-required' | 'completed' | 'withdrawn';
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              applications: {
                bundle: string;
                children: string[];
                /** Format: date */
                dueDate: string;
                heldBy: string[];
                /** Format: uuid */
                id: string;
                region: string;
                status: string;
                /** Format: date-time */
                submittedAt: string;
                warning: ('yellow' | 'red') | null;
              }[];
              next: string | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/operator/applications/{id}/record': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The full record with personal data (unmasked): needs a reason, and is audited
     * @description Every opening writes an entry to the append-only audit log: who, which record, when and the reason given.
     */
    get: {
      parameters: {
        query: {
          reason: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              form: {
                [key: string]: unknown;
              };
              /** Format: uuid */
              id: string;
              items: {
                childIndex: number;
                itemKey: string;
                outputs: {
                  [key: string]: unknown;
                } | null;
                status: string;
              }[];
              status: string;
              /** Format: date-time */
              submittedAt: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/operator/applications/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One flow’s timeline: every event in order, each item’s holder, attempts, durations and deadline */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              application: {
                bundle: string;
                children: string[];
                completedAt: string | null;
                /** Format: date */
                dueDate: string;
                /** Format: uuid */
                id: string;
                /** @description the bundle’s time limit (承诺时限), in working days */
                promisedWorkingDays: number | null;
                region: string;
                status: string;
                /** Format: date-time */
                submittedAt: string;
                traceId: string | null;
                withdrawnAt: string | null;
              };
              events: {
                actor: string;
                /** Format: date-time */
                at: string;
                attempt: number | null;
                child: string | null;
                childIndex: number | null;
                department: string | null;
                details: {
                  [key: string]: unknown;
                };
                itemKey: string | null;
                kind: string;
                sincePreviousMs: number;
                traceId: string | null;
              }[];
              items: {
                attempt: number;
                /** @description every time it was sent to its department, in order */
                attempts: {
                  attempt: number;
                  endedAt: string | null;
                  endedBy: string | null;
                  /** @description time at the department: until the outcome, or until now */
                  heldMs: number;
                  outcome: ('approved' | 'rejected' | 'materials-required' | 'cancelled') | null;
                  /** Format: date-time */
                  requestedAt: string;
                }[];
                child: string;
                childIndex: number;
                completedAt: string | null;
                decidedAt: string | null;
                /** @enum {string} */
                department:
                  | 'health'
                  | 'public-security'
                  | 'medical-insurance'
                  | 'social-security'
                  | 'cdc'
                  | 'maternal-child-health';
                /** Format: date */
                dueDate: string;
                /** @description time at the department for the current attempt */
                heldMs: number | null;
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                itemKey:
                  | 'birth-certificate'
                  | 'household-registration'
                  | 'medical-insurance-enrolment'
                  | 'social-security-card'
                  | 'vaccination-certificate'
                  | 'child-health-handbook';
                reason: {
                  code: string;
                  message: string;
                } | null;
                requestedAt: string | null;
                status: string;
                warning: ('yellow' | 'red') | null;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/operator/dead-letters/applications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Messages the applications service set aside, newest first, with the reason */
    get: {
      parameters: {
        query?: {
          before?: number;
          limit?: number;
          /** @description only those not replayed yet */
          pending?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              deadLetters: {
                consumer: string;
                /** Format: date-time */
                createdAt: string;
                deliveries: number;
                error: string;
                id: number;
                messageId: string | null;
                reason: string;
                replayedAt: string | null;
                replayedBy: string | null;
                replayReason: string | null;
                replays: number;
                subject: string;
                type: string | null;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/operator/dead-letters/applications/{id}/replay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Replay one of the applications service’s dead letters after a fix (audited) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              consumer: string;
              /** Format: date-time */
              createdAt: string;
              deliveries: number;
              error: string;
              id: number;
              messageId: string | null;
              reason: string;
              replayedAt: string | null;
              replayedBy: string | null;
              replayReason: string | null;
              replays: number;
              subject: string;
              type: string | null;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/operator/dead-letters/certificates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Messages the certificates service set aside, newest first, with the reason */
    get: {
      parameters: {
        query?: {
          before?: number;
          limit?: number;
          /** @description only those not replayed yet */
          pending?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              deadLetters: {
                consumer: string;
                /** Format: date-time */
                createdAt: string;
                deliveries: number;
                error: string;
                id: number;
                messageId: string | null;
                reason: string;
                replayedAt: string | null;
                replayedBy: string | null;
                replayReason: string | null;
                replays: number;
                subject: string;
                type: string | null;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/operator/dead-letters/certificates/{id}/replay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Replay one of the certificates service’s dead letters after a fix (audited) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              consumer: string;
              /** Format: date-time */
              createdAt: string;
              deliveries: number;
              error: string;
              id: number;
              messageId: string | null;
              reason: string;
              replayedAt: string | null;
              replayedBy: string | null;
              replayReason: string | null;
              replays: number;
              subject: string;
              type: string | null;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/operator/dead-letters/department-adapters': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Messages the department-adapters service set aside, newest first, with the reason */
    get: {
      parameters: {
        query?: {
          before?: number;
          limit?: number;
          /** @description only those not replayed yet */
          pending?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              deadLetters: {
                consumer: string;
                /** Format: date-time */
                createdAt: string;
                deliveries: number;
                error: string;
                id: number;
                messageId: string | null;
                reason: string;
                replayedAt: string | null;
                replayedBy: string | null;
                replayReason: string | null;
                replays: number;
                subject: string;
                type: string | null;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/operator/dead-letters/department-adapters/{id}/replay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Replay one of the department-adapters service’s dead letters after a fix (audited) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              consumer: string;
              /** Format: date-time */
              createdAt: string;
              deliveries: number;
              error: string;
              id: number;
              messageId: string | null;
              reason: string;
              replayedAt: string | null;
              replayedBy: string | null;
              replayReason: string | null;
              replays: number;
              subject: string;
              type: string | null;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/operator/figures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 办结率, 按时办结率, and per department its backlog and decision times (the dashboard’s figures), for the operator’s region */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              accepted: number;
              completed: number;
              completedOnTime: number;
              completionRate: number;
              departments: {
                backlog: number;
                decided24h: number;
                department: string;
                p50Seconds: number;
                p95Seconds: number;
              }[];
              onTimeRate: number;
              withdrawn: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/operator/follow-ups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Open follow-ups of bad ratings, oldest due first */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              followUps: {
                /** Format: uuid */
                applicationId: string;
                /** Format: date */
                dueDate: string;
                /** Format: uuid */
                id: string;
                /** Format: date-time */
                openedAt: string;
                overdue: boolean;
                reason: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/operator/follow-ups/{id}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close a follow-up with what was done */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            resolution: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              closed: boolean;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
};
export type webhooks = Record<string, never>;
export type components = {
  schemas: never;
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
};
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
